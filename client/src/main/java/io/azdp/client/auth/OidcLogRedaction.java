package io.azdp.client.auth;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

import io.azdp.client.http.Redaction;

/**
 * Redacts credentials in the log records of Quarkus's OIDC client. At DEBUG, {@code OidcClientImpl} logs the token
 * request's form parameters, {@code client_secret} included, so turning on debug logging to diagnose a token problem
 * would print the secret. This filter, installed on those loggers when the client creates a token source, rewrites
 * such records with {@link Redaction#credentials(String)}; other records pass unchanged.
 */
final class OidcLogRedaction implements Filter {
    static final List<String> LOGGERS = List.of("io.quarkus.oidc.client.runtime.OidcClientImpl",
            "io.quarkus.oidc.common.runtime.OidcCommonUtils");
    /** Held so that the loggers, and the filters set on them, are not garbage-collected before first use. */
    private static final List<Logger> FILTERED = new java.util.ArrayList<>();
    private final Filter next;

    private OidcLogRedaction(Filter next) {
        this.next = next;
    }

    /** Idempotent; keeps any filter that was already set and runs it after redacting. */
    static synchronized void install() {
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            Filter current = logger.getFilter();
            if (!(current instanceof OidcLogRedaction)) {
                logger.setFilter(new OidcLogRedaction(current));
                FILTERED.add(logger);
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String redacted = Redaction.credentials(text);
        if (redacted != null && !redacted.equals(text)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        }
        return next == null || next.isLoggable(record);
    }
}
