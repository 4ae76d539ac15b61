package io.azdp.cli.common;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The valid name closest to a mistyped one ({@code triggerOptions} -> {@code triggerOption}, {@code endpont} ->
 * {@code endpoint}, {@code Faild} -> {@code Failed}): the one strict-input helper of the CLI, by Levenshtein distance,
 * case-insensitive, and only when the distance is small enough for the suggestion to be a plausible typo.
 */
public final class ClosestName {

    private ClosestName() {
    }

    /** The closest of {@code valid} to {@code given}, if one is within a third of its length (at least 2 edits). */
    public static Optional<String> among(String given, Collection<String> valid) {
        if (given == null) {
            return Optional.empty();
        }
        String g = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int d = distance(g, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, g.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * The end of a one-line error about {@code given}: {@code did you mean 'x'?}, or the valid names when none is
     * close.
     */
    public static String hint(String given, Collection<String> valid) {
        return among(given, valid).map(n -> "did you mean '" + n + "'?")
                .orElse("expected one of " + String.join(", ", valid));
    }

    /** Levenshtein distance: insertions, deletions and substitutions, one each. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
