package io.azdp.cli.common;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Resolves settings in the order flags &gt; environment &gt; config file &gt; defaults. Environment variables are read
 * through MicroProfile Config under their exact names ({@code AZURE_TENANT_ID}, ...), so {@code -D} system properties and
 * test resources can supply them too; {@code azdp.endpoint}, {@code azdp.tenant-id}, ... ({@code AZDP_ENDPOINT}, ...)
 * come next.
 */
public final class SettingsResolver {
    public static final URI PUBLIC = URI.create("https://management.azure.com");
    public static final URI USGOV = URI.create("https://management.usgovcloudapi.net");
    public static final URI CHINA = URI.create("https://management.chinacloudapi.cn");

    private SettingsResolver() {
    }

    public static Path configPath() {
        Optional<String> explicit = env("AZDP_CONFIG", "azdp-cli.config");
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        String home = System.getProperty("user.home", ".");
        return Path.of(home, ".config", "azdp", "config.yaml");
    }

    public static Settings resolve(ConnectionMixin flags, PrintWriter err) {
        ConfigFile file = ConfigFile.load(configPath());
        String profile = file.activeProfile(flags.profile());
        if (flags.clientSecret() != null) {
            err.println("warning: --client-secret on the command line is visible in shell history and process lists; "
                    + "prefer AZURE_CLIENT_SECRET or the config file");
            err.flush();
        }
        String endpointText = first(flags.endpoint(), env("AZDP_ENDPOINT", "azdp.endpoint"), file.get(profile, "endpoint"))
                .orElse("public");
        URI endpoint = endpoint(flags.endpoint() != null ? "--endpoint" : "endpoint", endpointText);
        String authorityText = first(null, env("AZURE_AUTHORITY_HOST", "azdp.authority-host"), file.get(profile, "authority"))
                .orElse(null);
        URI authority = authorityText != null ? url("authority", authorityText) : authorityFor(endpoint);
        String subscription = first(flags.subscriptionId(), env("AZURE_SUBSCRIPTION_ID", "azdp.subscription-id"),
                file.get(profile, "subscription-id")).orElse(null);
        String tenant = first(flags.tenantId(), env("AZURE_TENANT_ID", "azdp.tenant-id"), file.get(profile, "tenant-id"))
                .orElse(null);
        String client = first(flags.clientId(), env("AZURE_CLIENT_ID", "azdp.client-id"), file.get(profile, "client-id"))
                .orElse(null);
        String secret = first(flags.clientSecret(), env("AZURE_CLIENT_SECRET", "azdp.client-secret"),
                file.get(profile, "client-secret")).orElse(null);
        boolean credentialFlags = flags.tenantId() != null || flags.clientId() != null || flags.clientSecret() != null;
        // credentials given as flags win over a token from the environment or the config file
        String token = credentialFlags ? null
                : first(null, env("AZURE_ACCESS_TOKEN", "azdp.access-token"), file.get(profile, "access-token"))
                        .orElse(null);
        String apiVersion = first(flags.apiVersion(), env("AZDP_API_VERSION", "azdp.api-version"),
                file.get(profile, "api-version")).orElse(null);
        String poll = first(null, env("AZDP_POLL_INTERVAL", "azdp.poll-interval"), file.get(profile, "poll-interval"))
                .orElse(null);
        return new Settings(endpoint, authority, subscription, tenant, client, secret, token, apiVersion, profile,
                poll == null ? null : Durations.parse("poll-interval", poll));
    }

    @SafeVarargs
    private static Optional<String> first(String flag, Optional<String>... rest) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag.strip());
        }
        for (Optional<String> candidate : rest) {
            if (candidate.isPresent() && !candidate.get().isBlank()) {
                return Optional.of(candidate.get().strip());
            }
        }
        return Optional.empty();
    }

    static Optional<String> env(String envName, String propertyName) {
        Config config = ConfigProvider.getConfig();
        Optional<String> value = explicitValue(config, envName);
        return value.isPresent() ? value : explicitValue(config, propertyName);
    }

    /** A value someone set (env, system property, config file, test resource), never a mapping's default. */
    private static Optional<String> explicitValue(Config config, String name) {
        ConfigValue value = config.getConfigValue(name);
        if (value == null || value.getValue() == null || value.getValue().isBlank() || value.getSourceOrdinal() < 100) {
            return Optional.empty();
        }
        return Optional.of(value.getValue());
    }

    static URI endpoint(String source, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "public", "azurecloud", "azure" -> PUBLIC;
            case "usgov", "azureusgovernment" -> USGOV;
            case "china", "azurechinacloud" -> CHINA;
            default -> url(source, text);
        };
    }

    static URI url(String source, String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw CliException.usage(source + ": expected public, usgov, china or an http(s) URL, got '" + text + "'");
            }
            String s = uri.toString();
            return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        } catch (URISyntaxException e) {
            throw CliException.usage(source + ": expected public, usgov, china or an http(s) URL, got '" + text + "'");
        }
    }

    static URI authorityFor(URI endpoint) {
        if (endpoint.equals(PUBLIC)) {
            return URI.create("https://login.microsoftonline.com");
        }
        if (endpoint.equals(USGOV)) {
            return URI.create("https://login.microsoftonline.us");
        }
        if (endpoint.equals(CHINA)) {
            return URI.create("https://login.chinacloudapi.cn");
        }
        return endpoint; // an emulator serves its own token endpoint
    }
}
