package io.azdp.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.azdp.model.arm.ArmPaths;

/**
 * The resolved, immutable settings of a {@link DataProtectionClient} (credentials excluded: they go straight into
 * the token source, so this record is safe to print). Resolved by {@link DataProtectionClientBuilder#settings()} from
 * the {@link Setting} table.
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

    public static final String DEFAULT_API_VERSION = ArmPaths.API_VERSION;
    public static final String USER_AGENT = "azdp-client/0.1.0 (Java " + Runtime.version().feature() + ")";

    public ClientSettings {
        headers = Map.copyOf(headers);
    }

    /**
     * Parses a duration as every setting and the CLI's duration flags read them: {@code 90s}, {@code 10m},
     * {@code 2h}, {@code 500ms}, a plain number of seconds, or ISO-8601 ({@code PT5M}); never negative. A bad value
     * is a {@link io.azdp.model.ValidationException} naming {@code field}.
     */
    public static Duration parseDuration(String field, String text) {
        return SettingsResolver.parseDuration(field, text);
    }

    /** {@link #parseDuration}, and zero is refused too (timeouts, poll intervals). */
    public static Duration parsePositiveDuration(String field, String text) {
        return SettingsResolver.parsePositiveDuration(field, text);
    }
}
