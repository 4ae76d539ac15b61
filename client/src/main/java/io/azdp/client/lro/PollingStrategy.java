package io.azdp.client.lro;

import io.smallrye.mutiny.Uni;

/**
 * One of ARM's two ways to follow a long-running operation: which URL a poll reads and what its answers mean. The
 * poller keeps the state; a strategy makes one poll and records its outcome through the poller
 * ({@code running}, {@code complete}, {@code ended}).
 */
sealed interface PollingStrategy permits StatusUrlStrategy, LocationStrategy {

    /** One poll, now (the poller has waited already). */
    Uni<PollState> poll(AdhocBackupPoller poller);
}
