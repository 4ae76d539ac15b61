package io.azdp.cli.common;

import io.azdp.client.DataProtectionClient;
import java.io.PrintWriter;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds the {@link DataProtectionClient} from resolved {@link Settings} (the CLI resolves env and config itself). */
public final class ClientFactory {
    /** The User-Agent of every request azdp sends. */
    public static final String USER_AGENT = "azdp-cli";
    /** Held so the level set for --debug is not garbage-collected with the logger. */
    private static Logger clientLogger;

    private ClientFactory() {
    }

    static DataProtectionClient create(Settings settings, java.time.Duration pollInterval, DiagnosticsMixin diagnostics,
            PrintWriter err) {
        // the client logs each exchange at DEBUG with the Authorization header and signed URL parts redacted
        clientLogger = Logger.getLogger("io.azdp.client");
        clientLogger.setLevel(diagnostics.debug() ? Level.FINE : null);
        DataProtectionClient.Builder builder = DataProtectionClient.builder().environment(Map.of())
                .endpoint(settings.endpoint().toString()).authorityHost(settings.authority().toString())
                .userAgent(USER_AGENT).preflight(false);
        if (settings.apiVersion() != null) {
            builder.apiVersion(settings.apiVersion());
        }
        if (pollInterval != null) {
            builder.pollInterval(pollInterval).jobPollInterval(pollInterval);
        }
        if (settings.subscriptionId() != null) {
            builder.subscriptionId(settings.subscriptionId());
        }
        if (settings.accessToken() != null) {
            builder.accessToken(settings.accessToken());
        } else {
            if (settings.tenantId() != null) {
                builder.tenantId(settings.tenantId());
            }
            if (settings.clientId() != null) {
                builder.clientId(settings.clientId());
            }
            if (settings.clientSecret() != null) {
                builder.clientSecret(settings.clientSecret());
            }
        }
        return builder.build();
    }
}
