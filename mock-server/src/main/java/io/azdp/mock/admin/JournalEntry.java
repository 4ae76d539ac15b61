package io.azdp.mock.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the emulator answered. {@code status} 0 means the connection was dropped on purpose; the
 * Authorization header value is always redacted. {@code finding} is set on polls that broke polling etiquette;
 * {@code evicted} on a trigger that made room by evicting an operation and/or job ({@code "operation <id>"},
 * {@code "job <ARM id>"}) under the retention cap.
 */
@RegisterForReflection
public record JournalEntry(long seq, Instant time, String method, String path, String query,
        Map<String, String> headers, int status, double durationMs, String rule, String finding,
        List<String> evicted) {
}
