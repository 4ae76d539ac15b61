package io.azdp.client.lro;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.azdp.client.error.ArmException;
import io.azdp.client.http.HttpResult;
import io.azdp.client.http.RetryAfter;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.OperationStatus;
import io.azdp.model.arm.ArmHeaders;
import io.smallrye.mutiny.Uni;

/**
 * ARM's {@code Location} rules: poll the result URL; {@code 202} (or {@code 201}) means not done yet (it may name a new
 * {@code Location}), a {@code 200} carries the result ({@code jobId}). Used alone when the service sent no status URL,
 * and after the status URL said {@code Succeeded} ({@code afterSuccess}). Alone, the Location URL is also where ARM
 * reports a failed operation: a 409 (canceled), 500 or other 4xx with a CloudError.
 */
final class LocationStrategy implements PollingStrategy {
    private final boolean afterSuccess;

    LocationStrategy(boolean afterSuccess) {
        this.afterSuccess = afterSuccess;
    }

    @Override
    public Uni<PollState> poll(AdhocBackupPoller poller) {
        PollState s = poller.state();
        if (s.locationUrl() == null) {
            return Uni.createFrom().failure(AdhocBackupPoller.pollingFailure("the operation " + s.operationId()
                    + " has no Location URL to read its result from", null));
        }
        Uni<HttpResult> get = poller.get(s.locationUrl());
        if (!afterSuccess) {
            get = get.onFailure(ArmException.class).transform(f -> failedOnLocation(poller, (ArmException) f));
        }
        return get.onItem().transformToUni(r -> onResult(poller, r));
    }

    /**
     * The failure of a poll of the Location URL when there is no status URL. ARM answers a finished operation's result
     * URL with the operation's error: 409 when it was canceled, 400 (user error) or 500 otherwise. Those become an
     * {@code OperationFailedException} like a {@code Failed}/{@code Canceled} status body; 401, 403, 404 (unknown
     * operation), 408, 429 and gateway errors stay what they are: a verdict on the poll, not on the backup.
     */
    private static Throwable failedOnLocation(AdhocBackupPoller poller, ArmException e) {
        int code = e.httpStatus();
        boolean operationError = code == 409 || code == 500 || code >= 400 && code < 500 && code != 401 && code != 403
                && code != 404 && code != 408 && code != 429;
        if (!operationError || e.cloudError().isEmpty()) {
            return e;
        }
        OperationStatus st = code == 409 ? OperationStatus.CANCELED : OperationStatus.FAILED;
        OperationResource op = new OperationResource(null, poller.state().operationId(), st, null, null,
                e.cloudError().get().error(), null);
        return poller.ended(op, poller.state().polls() + 1, e.requestId(), e.correlationId(), e.clientRequestId());
    }

    private Uni<PollState> onResult(AdhocBackupPoller poller, HttpResult r) {
        PollState s = poller.state();
        int polls = afterSuccess ? s.polls() : s.polls() + 1;
        Optional<Duration> retryAfter = RetryAfter.parse(r::header, poller.clock().instant());
        if (r.status() == 202 || r.status() == 201) {
            URI newLocation = OperationUrls.url(s.locationUrl(), r.header(ArmHeaders.LOCATION));
            if (newLocation != null && !newLocation.equals(s.locationUrl())) {
                s = s.withLocation(newLocation);
            }
            OperationStatus st = afterSuccess ? OperationStatus.SUCCEEDED : s.status();
            return Uni.createFrom().item(poller.running(s, st, retryAfter, polls, null));
        }
        JsonNode body = OperationUrls.readTree(r);
        Optional<String> job = OperationUrls.jobInfo(body).map(OperationJobExtendedInfo::jobId);
        if (job.isEmpty() && s.operation() != null) {
            job = s.operation().jobId();
        }
        if (job.isEmpty() && body != null && body.hasNonNull("status")) {
            // some services answer the result URL with a status body
            OperationResource op = OperationUrls.readStatus(r);
            OperationStatus st = op.status() != null ? op.status() : OperationStatus.IN_PROGRESS;
            if (st.isFailed() || st.isCanceled()) {
                throw poller.ended(op, polls, r.requestId(), r.responseCorrelationId(), r.clientRequestId());
            }
            if (!st.isSucceeded()) {
                return Uni.createFrom().item(poller.running(s, st, retryAfter, polls, op));
            }
        }
        if (job.isEmpty()) {
            throw AdhocBackupPoller.pollingFailure("the result of operation " + s.operationId() + " (HTTP "
                    + r.status() + ") has no jobId", r);
        }
        return Uni.createFrom().item(poller.complete(OperationStatus.SUCCEEDED, job.get(), polls, null));
    }
}
