package io.azdp.mock.gate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A rule registered over POST /_mock/scenarios. With any match field ({@code method}, {@code path} regex,
 * {@code header} [+ {@code headerValue} regex]) it applies to matching requests, at most {@code times} times
 * (absent: always); without match fields it is a named scenario the header can refer to by {@code name}.
 * {@code fault} answers instead of the emulator (or delays / drops); {@code scenario} (k=v;k=v) shapes the
 * operation a matching adhoc-backup POST starts.
 */
@RegisterForReflection
public record Rule(String name, String method, String path, String header, String headerValue, Integer times,
        Fault fault, String scenario) {

    /**
     * {@code status} 400-599 answers a CloudError (429 adds Retry-After and x-ms-ratelimit-remaining-*). Without a
     * status, {@code nextLink} makes a backup-job list page answer that {@code nextLink} verbatim (any text, also
     * relative or not a URL), to test what clients do with one.
     */
    @RegisterForReflection
    public record Fault(Integer status, Integer retryAfter, String errorCode, String message, Integer latencyMs,
            Boolean drop, String nextLink) {
    }

    public boolean hasMatch() {
        return method != null || path != null || header != null;
    }
}
