package io.azdp.cli.common;

import picocli.CommandLine.Option;

/**
 * Where and as whom to connect. Each value falls back to the environment, then the config file's profile, then a
 * default (see {@link SettingsResolver}).
 */
public class ConnectionMixin {

    @Option(names = "--endpoint", paramLabel = "CLOUD|URL",
            description = "public (default), usgov, china, or a base URL such as an emulator's http://localhost:8089. "
                    + "Env: AZDP_ENDPOINT.")
    String endpoint;

    @Option(names = "--api-version", paramLabel = "VERSION",
            description = "REST api-version to send (default: the client's, 2024-04-01).")
    String apiVersion;

    @Option(names = { "--subscription-id", "--subscription" }, paramLabel = "GUID",
            description = "Subscription id. Env: AZURE_SUBSCRIPTION_ID; or the config profile's subscription-id.")
    String subscriptionId;

    @Option(names = "--tenant-id", paramLabel = "TENANT", description = "Entra tenant. Env: AZURE_TENANT_ID.")
    String tenantId;

    @Option(names = "--client-id", paramLabel = "ID", description = "Service principal client id. Env: AZURE_CLIENT_ID.")
    String clientId;

    @Option(names = "--client-secret", paramLabel = "SECRET", hidden = false,
            description = "Service principal secret. Discouraged (visible in shell history and process lists): "
                    + "prefer AZURE_CLIENT_SECRET or the config file.")
    String clientSecret;

    @Option(names = "--auth", paramLabel = "KIND",
            description = "Credential: default (the chain: environment, workload-identity, managed-identity, "
                    + "azure-cli, azure-powershell, azure-developer-cli), environment, workload-identity, "
                    + "managed-identity, azure-cli, azure-powershell, azure-developer-cli or access-token. "
                    + "Env: AZDP_AUTH; config: auth. See docs/credentials.md.")
    String auth;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Profile of ~/.config/azdp/config.yaml (or $AZDP_CONFIG) to use.")
    String profile;

    public String endpoint() {
        return endpoint;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String auth() {
        return auth;
    }

    public String profile() {
        return profile;
    }
}
