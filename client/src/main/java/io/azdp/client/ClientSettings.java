package io.azdp.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.azdp.model.ValidationException;

/**
 * The resolved, immutable settings of a {@link DataProtectionClient} (credentials excluded: they go straight into
 * the token source, so this record is safe to print).
 *
 * @param endpoint          ARM endpoint without trailing slash
 * @param cloud             the named cloud of the endpoint, or null for a custom URL (emulator, sovereign stack)
 * @param authorityHost     Entra ID authority host
 * @param scope             token scope
 * @param apiVersion        DataProtection api-version
 * @param tenantId          tenant, or null
 * @param clientId          client id, or null
 * @param subscriptionId    default subscription for name-based calls, or null
 * @param pollInterval      first poll interval without Retry-After
 * @param maxPollInterval   cap of the client-chosen poll interval
 * @param jobPollInterval   first poll interval while following a job
 * @param connectTimeout    TCP connect timeout
 * @param readTimeout       response timeout of one request
 * @param operationTimeout  default wait of {@code adhocBackup(...)} and {@code waitForJob(...)}
 * @param preflight         pre-flight rule/tag check before the backup POST
 * @param connectionPoolSize HTTP connections per API
 * @param retry             retry policy
 * @param headers           extra headers sent with every request
 * @param userAgent         User-Agent header
 */
public record ClientSettings(URI endpoint, AzureCloud cloud, URI authorityHost, String scope, String apiVersion,
        String tenantId, String clientId, String subscriptionId, Duration pollInterval, Duration maxPollInterval,
        Duration jobPollInterval, Duration connectTimeout, Duration readTimeout, Duration operationTimeout,
        boolean preflight, int connectionPoolSize, RetryPolicy retry, Map<String, String> headers, String userAgent) {

    public static final String DEFAULT_API_VERSION = "2024-04-01";
    public static final String USER_AGENT = "azdp-client/0.1.0 (Java " + Runtime.version().feature() + ")";

    public ClientSettings {
        headers = Map.copyOf(headers);
    }

    /**
     * Parses {@code azdp.endpoint}: a cloud name ({@code public}, {@code usgov}, {@code china}) or an absolute http(s)
     * URL without query. Plain http is accepted for loopback hosts only, unless {@code allowInsecureHttp}.
     */
    public static URI parseEndpoint(String value, boolean allowInsecureHttp) {
        String expected = "public, usgov, china or an absolute https URL such as https://management.azure.com "
                + "(plain http only for localhost, or with azdp.allow-insecure-http=true)";
        if (value == null || value.isBlank()) {
            throw ValidationException.of("azdp.endpoint", expected, value);
        }
        var cloud = AzureCloud.byName(value);
        if (cloud.isPresent()) {
            return cloud.get().endpoint();
        }
        URI uri = parseUrl("azdp.endpoint", value, expected);
        if ("http".equalsIgnoreCase(uri.getScheme()) && !allowInsecureHttp && !isLoopback(uri)) {
            throw ValidationException.of("azdp.endpoint", expected, value);
        }
        return uri;
    }

    /** An absolute http(s) URL without query or fragment, trailing slashes removed. */
    static URI parseUrl(String field, String value, String expected) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw ValidationException.of(field, expected, value);
            }
            String s = uri.toString();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            return new URI(s);
        } catch (URISyntaxException e) {
            throw ValidationException.of(field, expected, value);
        }
    }

    /** True for localhost, 127.0.0.0/8 and ::1 (no DNS lookup for other names). */
    public static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
