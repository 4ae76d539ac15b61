package io.azdp.mock.gate;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the emulator answered. {@code status} 0 means the connection was dropped on purpose; the
 * Authorization header value is always redacted. {@code lro} is set on an adhoc-backup trigger answered 202 and on
 * every status/result poll; {@code finding} on polls that broke polling etiquette (see {@link Etiquette});
 * {@code evicted} on a trigger that made room by evicting an operation and/or job ({@code "operation <id>"},
 * {@code "job <ARM id>"}) under the retention cap.
 */
@RegisterForReflection
public record JournalEntry(long seq, Instant time, String method, String path, String query,
        Map<String, String> headers, int status, double durationMs, String rule, String finding, Lro lro,
        List<String> evicted) {

    /**
     * The long-running operation a request was about and its polling timing. {@code poll} 0 is the trigger (its 202
     * asked for {@code retryAfter} seconds); {@code poll} N is the N-th status/result poll, which came {@code afterMs}
     * after the previous answer about the operation, which had asked for {@code retryAfter} seconds (0: none), so it
     * was {@code earlyMs} too early (0: on time).
     */
    @RegisterForReflection
    public record Lro(String operationId, int poll, Long afterMs, Integer retryAfter, Long earlyMs) {
    }
}
