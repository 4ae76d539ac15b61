package io.azdp.mock.gate;

/**
 * Polling etiquette as ARM asks it and the official SDKs practise it: wait the {@code Retry-After} of the previous
 * answer before polling again. The SDKs for Java (sync pollers), Python, .NET and JavaScript send their first poll
 * right after the 202 whatever its Retry-After says, and honour Retry-After from then on; so the first
 * {@code earlyFirstPolls} polls of an operation may come early (tolerated, reported apart), any later early poll is an
 * {@code EarlyPoll} finding: a client that ignores Retry-After.
 */
public final class Etiquette {

    public static final String EARLY_POLL = "EarlyPoll";
    public static final String EARLY_FIRST_POLL = "EarlyFirstPoll";

    private Etiquette() {
    }

    /** Whether the request was a poll that came before the previous answer's Retry-After elapsed. */
    public static boolean early(JournalEntry.Lro lro) {
        return lro != null && lro.poll() > 0 && lro.earlyMs() != null && lro.earlyMs() > 0;
    }

    /** Whether an early poll is one of the first {@code earlyFirstPolls} polls after the 202 (tolerated). */
    public static boolean tolerated(JournalEntry.Lro lro, int earlyFirstPolls) {
        return early(lro) && lro.poll() <= earlyFirstPolls;
    }

    /** The journal's finding for a poll judged with {@code earlyFirstPolls}; null when it kept to Retry-After. */
    public static String finding(JournalEntry.Lro lro, int earlyFirstPolls) {
        if (!early(lro)) {
            return null;
        }
        return (tolerated(lro, earlyFirstPolls) ? EARLY_FIRST_POLL : EARLY_POLL) + ": " + describe(lro)
                + (tolerated(lro, earlyFirstPolls) ? "; tolerated (early-first-polls=" + earlyFirstPolls
                        + "): the Azure SDKs for Java, Python, .NET and JavaScript poll once right after the 202"
                        : "; the client ignored Retry-After");
    }

    private static String describe(JournalEntry.Lro lro) {
        return "poll " + lro.poll() + " of operation " + lro.operationId() + " came " + lro.afterMs() + " ms after "
                + (lro.poll() == 1 ? "the 202" : "the previous answer") + ", which asked for Retry-After: "
                + lro.retryAfter() + " (" + lro.earlyMs() + " ms early)";
    }
}
