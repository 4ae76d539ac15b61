package io.azdp.cli.common;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code 90s}, {@code 10m}, {@code 2h}, {@code 500ms}, a plain number of seconds, or ISO-8601 {@code PT5M}. */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private Durations() {
    }

    public static Duration parse(String flag, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // fall through to the error below
        }
        throw CliException.usage(flag + ": expected a duration such as 90s, 10m, 2h or PT5M, got '" + text + "'");
    }
}
