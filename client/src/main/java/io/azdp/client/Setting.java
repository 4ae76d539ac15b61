package io.azdp.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the client, in one table: its key ({@code azdp.<key>} in Quarkus configuration, the key of a
 * config file such as the CLI's), the environment variables that set it (Azure's conventional one where there is one,
 * then {@code AZDP_<KEY>}), and whether it is a secret. {@link DataProtectionClientBuilder} resolves each setting from
 * explicit values (builder methods, CLI flags) &gt; the environment &gt; further {@link SettingSource}s (a config file)
 * &gt; its default; the CLI and the Quarkus producer feed that one resolution instead of resolving anything themselves.
 */
public enum Setting {
    ENDPOINT("endpoint", null, false, "public"),
    AUTHORITY_HOST("authority-host", "AZURE_AUTHORITY_HOST", false, null, "authority"),
    SCOPE("scope", null, false, null),
    API_VERSION("api-version", null, false, ClientSettings.DEFAULT_API_VERSION),
    TENANT_ID("tenant-id", "AZURE_TENANT_ID", false, null),
    CLIENT_ID("client-id", "AZURE_CLIENT_ID", false, null),
    CLIENT_SECRET("client-secret", "AZURE_CLIENT_SECRET", true, null),
    FEDERATED_TOKEN_FILE("federated-token-file", "AZURE_FEDERATED_TOKEN_FILE", false, null),
    ACCESS_TOKEN("access-token", "AZURE_ACCESS_TOKEN", true, null),
    /** Which credential: {@code default} (the chain), or one of {@link io.azdp.client.auth.CredentialKind}. */
    AUTH("auth", null, false, "default"),
    CLIENT_CERTIFICATE_PATH("client-certificate-path", "AZURE_CLIENT_CERTIFICATE_PATH", false, null),
    CLIENT_CERTIFICATE_PASSWORD("client-certificate-password", "AZURE_CLIENT_CERTIFICATE_PASSWORD", true, null),
    CLIENT_SEND_CERTIFICATE_CHAIN("client-send-certificate-chain", "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN", false,
            "false"),
    /** A signed JWT client assertion, used as it is (no refresh). */
    CLIENT_ASSERTION("client-assertion", null, true, null),
    MANAGED_IDENTITY_OBJECT_ID("managed-identity-object-id", null, false, null),
    MANAGED_IDENTITY_RESOURCE_ID("managed-identity-resource-id", null, false, null),
    /** The IMDS base URL (Azure Identity's test hook); {@code http://169.254.169.254} on Azure. */
    IMDS_ENDPOINT("imds-endpoint", "AZURE_POD_IDENTITY_AUTHORITY_HOST", false, "http://169.254.169.254"),
    IDENTITY_ENDPOINT("identity-endpoint", "IDENTITY_ENDPOINT", false, null),
    IDENTITY_HEADER("identity-header", "IDENTITY_HEADER", true, null),
    /** The legacy App Service endpoint (api-version 2017-09-01), used when IDENTITY_ENDPOINT is not set. */
    MSI_ENDPOINT("msi-endpoint", "MSI_ENDPOINT", false, null),
    /** The legacy App Service secret, sent as the {@code secret} header. */
    MSI_SECRET("msi-secret", "MSI_SECRET", true, null),
    /** The {@code az} executable; default: found on {@code PATH}. */
    AZURE_CLI_PATH("azure-cli-path", null, false, null),
    /** The {@code azd} executable; default: found on {@code PATH}. */
    AZURE_DEVELOPER_CLI_PATH("azure-developer-cli-path", null, false, null),
    /** The {@code pwsh} executable; default: found on {@code PATH}. */
    AZURE_POWERSHELL_PATH("azure-powershell-path", null, false, null),
    /** How long one {@code az}, {@code azd} or {@code pwsh} invocation may take. */
    AZURE_CLI_TIMEOUT("azure-cli-timeout", null, false, "PT20S"),
    /** Proxy URL for ARM and token calls ({@code http://user:pass@host:port}); default: HTTPS_PROXY and friends. */
    PROXY("proxy", null, true, null),
    /** Hosts that bypass the proxy (comma list, curl's NO_PROXY semantics); default: NO_PROXY. */
    NO_PROXY("no-proxy", "NO_PROXY", false, null),
    SUBSCRIPTION_ID("subscription-id", "AZURE_SUBSCRIPTION_ID", false, null),
    POLL_INTERVAL("poll-interval", null, false, "PT2S"),
    MAX_POLL_INTERVAL("max-poll-interval", null, false, "PT30S"),
    /** Defaults to the resolved {@link #POLL_INTERVAL}. */
    JOB_POLL_INTERVAL("job-poll-interval", null, false, null),
    CONNECT_TIMEOUT("connect-timeout", null, false, "PT10S"),
    READ_TIMEOUT("read-timeout", null, false, "PT60S"),
    OPERATION_TIMEOUT("operation-timeout", null, false, "PT10M"),
    PREFLIGHT("preflight", null, false, "true"),
    ALLOW_INSECURE_HTTP("allow-insecure-http", null, false, "false"),
    CONNECTION_POOL_SIZE("connection-pool-size", null, false, "50"),
    RETRY_MAX_RETRIES("retry.max-retries", null, false, "3"),
    RETRY_BASE_DELAY("retry.base-delay", null, false, "PT0.8S"),
    RETRY_MAX_DELAY("retry.max-delay", null, false, "PT30S"),
    RETRY_MAX_RETRY_AFTER("retry.max-retry-after", null, false, "PT2M");

    /** The settings that choose a credential (an explicit one wins over an access token from further down). */
    static final List<Setting> CREDENTIALS = List.of(TENANT_ID, CLIENT_ID, CLIENT_SECRET, FEDERATED_TOKEN_FILE, AUTH,
            CLIENT_CERTIFICATE_PATH, CLIENT_ASSERTION);

    private final String key;
    private final String azureVariable;
    private final boolean secret;
    private final String defaultValue;
    private final List<String> aliases;

    Setting(String key, String azureVariable, boolean secret, String defaultValue, String... aliases) {
        this.key = key;
        this.azureVariable = azureVariable;
        this.secret = secret;
        this.defaultValue = defaultValue;
        this.aliases = List.of(aliases);
    }

    /** {@code endpoint}, {@code tenant-id}, {@code retry.max-retries}, ... */
    public String key() {
        return key;
    }

    /** The Quarkus / MicroProfile configuration key: {@code azdp.<key>}. */
    public String property() {
        return "azdp." + key;
    }

    /** The environment variables that set it, in precedence order: Azure's name (if any), then {@code AZDP_<KEY>}. */
    public List<String> environmentVariables() {
        List<String> names = new ArrayList<>(2);
        if (azureVariable != null) {
            names.add(azureVariable);
        }
        names.add(property().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return List.copyOf(names);
    }

    /** The keys a config file may use for it: {@link #key()} and older spellings ({@code authority}). */
    public List<String> configFileKeys() {
        List<String> keys = new ArrayList<>(1 + aliases.size());
        keys.add(key);
        keys.addAll(aliases);
        return List.copyOf(keys);
    }

    /** True for values that must never be printed (client secret, access token). */
    public boolean secret() {
        return secret;
    }

    /** The default as text, or empty when it has none (or it depends on the cloud). */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The setting a config file key names (case-insensitive), if any. */
    public static Optional<Setting> forConfigFileKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (Setting s : values()) {
            if (s.configFileKeys().contains(k)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
