package io.azdp.client.lro;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.azdp.model.OperationResource;
import io.azdp.model.OperationStatus;

/**
 * What the client knows about an adhoc backup operation after the last response.
 *
 * @param status      {@code Inprogress} (or whatever running value the service sent), {@code Succeeded},
 *                    {@code Failed} or {@code Canceled}
 * @param statusUrl   the {@code Azure-AsyncOperation} URL, or null
 * @param locationUrl the {@code Location} URL, or null
 * @param retryAfter  what the last response asked for, or null
 * @param operationId the operation id, or null (synchronous 200)
 * @param jobId       the backup job's id as the service sent it (normally the full ARM id), once known;
 *                    {@link AdhocBackupPoller#job()} has it parsed
 * @param nextPollAt  the earliest time of the next poll (null when done)
 * @param polls       polls made so far
 * @param operation   the last status body, or null
 */
public record PollState(OperationStatus status, URI statusUrl, URI locationUrl, Duration retryAfter,
        String operationId, String jobId, Instant nextPollAt, int polls, OperationResource operation) {

    public boolean isTerminal() {
        return status != null && status.isTerminal() && (jobId != null || !status.isSucceeded());
    }

    PollState with(OperationStatus s, Duration ra, Instant next, int p, OperationResource op) {
        return new PollState(s, statusUrl, locationUrl, ra, operationId, jobId, next, p, op == null ? operation : op);
    }

    PollState withLocation(URI location) {
        return new PollState(status, statusUrl, location, retryAfter, operationId, jobId, nextPollAt, polls, operation);
    }

    PollState done(OperationStatus s, String job, OperationResource op) {
        return new PollState(s, statusUrl, locationUrl, null, operationId, job, null, polls,
                op == null ? operation : op);
    }
}
