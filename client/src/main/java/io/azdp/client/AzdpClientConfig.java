package io.azdp.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Configuration of {@link DataProtectionClient}, prefix {@code azdp}.
 *
 * <p>Every key can also be set through the environment the usual MicroProfile way ({@code AZDP_ENDPOINT},
 * {@code AZDP_TENANT_ID}, ...). Azure's conventional variables ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID},
 * {@code AZURE_CLIENT_SECRET}, {@code AZURE_SUBSCRIPTION_ID}, {@code AZURE_ACCESS_TOKEN},
 * {@code AZURE_AUTHORITY_HOST}, {@code AZURE_FEDERATED_TOKEN_FILE}) are read as low-priority fallbacks by
 * {@code io.azdp.client.AzureEnvironment}.
 */
@ConfigMapping(prefix = "azdp")
public interface AzdpClientConfig {

    /** ARM endpoint: {@code public}, {@code usgov}, {@code china}, or any absolute URL (for example the emulator's). */
    @WithDefault("public")
    String endpoint();

    /** Entra ID authority host; defaults per cloud (for a loopback endpoint: the endpoint itself). */
    Optional<String> authorityHost();

    /** Token scope; defaults per cloud ({@code https://management.azure.com/.default} for public and custom URLs). */
    Optional<String> scope();

    @WithDefault(ClientSettings.DEFAULT_API_VERSION)
    String apiVersion();

    Optional<String> tenantId();

    Optional<String> clientId();

    /** Client secret for the client-credentials grant. Never logged. */
    Optional<String> clientSecret();

    /** Path of a federated (workload identity) token used as client assertion instead of a secret. */
    Optional<String> federatedTokenFile();

    Optional<String> subscriptionId();

    /** A ready-made bearer token (for example from {@code az account get-access-token}). Never logged. */
    Optional<String> accessToken();

    /** Which credential: default (the chain), environment, workload-identity, managed-identity, azure-cli, access-token. */
    @WithDefault("default")
    String auth();

    /** PEM or PFX file with the client certificate and its private key (AZURE_CLIENT_CERTIFICATE_PATH). */
    Optional<String> clientCertificatePath();

    /** Password of a PFX client certificate. Never logged. */
    Optional<String> clientCertificatePassword();

    /** Send the certificate chain (x5c) with the client assertion, for subject name / issuer authentication. */
    @WithDefault("false")
    boolean clientSendCertificateChain();

    /** A signed JWT client assertion. Never logged. */
    Optional<String> clientAssertion();

    /** Object id of the user-assigned managed identity to use. */
    Optional<String> managedIdentityObjectId();

    /** Resource id of the user-assigned managed identity to use. */
    Optional<String> managedIdentityResourceId();

    /** IMDS base URL (AZURE_POD_IDENTITY_AUTHORITY_HOST). */
    @WithDefault("http://169.254.169.254")
    String imdsEndpoint();

    /** App Service / Functions managed identity endpoint (IDENTITY_ENDPOINT). */
    Optional<String> identityEndpoint();

    /** App Service / Functions identity header (IDENTITY_HEADER). Never logged. */
    Optional<String> identityHeader();

    /** Legacy App Service managed identity endpoint (MSI_ENDPOINT), used when IDENTITY_ENDPOINT is not set. */
    Optional<String> msiEndpoint();

    /** Legacy App Service managed identity secret (MSI_SECRET). Never logged. */
    Optional<String> msiSecret();

    /** The az executable; default: found on PATH. */
    Optional<String> azureCliPath();

    /** The azd executable; default: found on PATH. */
    Optional<String> azureDeveloperCliPath();

    /** The pwsh executable; default: found on PATH. */
    Optional<String> azurePowershellPath();

    /** How long one az, azd or pwsh invocation may take. */
    @WithDefault("PT20S")
    Duration azureCliTimeout();

    /** Proxy URL (http://user:pass@host:port) for ARM and token calls; default: HTTPS_PROXY / HTTP_PROXY. */
    Optional<String> proxy();

    /** Hosts that bypass the proxy (comma list); default: NO_PROXY. */
    Optional<String> noProxy();

    /** Poll interval when the service sends no Retry-After. */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** Cap for the poll interval the client chooses itself (a server Retry-After is always honoured). */
    @WithDefault("PT30S")
    Duration maxPollInterval();

    /**
     * First poll interval while following a backup job (default: {@code poll-interval}); it grows by half after every
     * poll up to {@code max-poll-interval}, so a short job is seen finished within seconds and a long one is polled
     * gently.
     */
    Optional<Duration> jobPollInterval();

    @WithDefault("PT10S")
    Duration connectTimeout();

    @WithDefault("PT60S")
    Duration readTimeout();

    /** Default time {@code adhocBackup(...)} waits for the operation. */
    @WithDefault("PT10M")
    Duration operationTimeout();

    /** Check rule name and retention tag against the instance's policy before sending the backup request. */
    @WithDefault("true")
    boolean preflight();

    /** Allow plain http to a non-loopback host (a bearer token would travel in clear text). */
    @WithDefault("false")
    boolean allowInsecureHttp();

    /** HTTP connections per client. */
    @WithDefault("50")
    int connectionPoolSize();

    Retry retry();

    /**
     * Any other {@code azdp.*} key (owned by the application or by test tooling, e.g. {@code azdp.cli.*} or
     * {@code azdp.reference.dir}). Collected here only so that an application depending on this library does not fail
     * SmallRye's "does not map to any root" validation; the client ignores them.
     */
    @WithParentName
    Map<String, String> other();

    interface Retry {
        @WithDefault("3")
        int maxRetries();

        @WithDefault("PT0.8S")
        Duration baseDelay();

        @WithDefault("PT30S")
        Duration maxDelay();

        /** A Retry-After longer than this is not waited for: the call fails with the throttling error instead. */
        @WithDefault("PT2M")
        Duration maxRetryAfter();
    }
}
