package io.azdp.client.lro;

import java.time.Duration;
import java.util.Optional;

import io.azdp.client.http.HttpResult;
import io.azdp.client.http.RetryAfter;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.OperationStatus;
import io.smallrye.mutiny.Uni;

/**
 * ARM's {@code Azure-AsyncOperation} rules: poll the status URL; its body's {@code status} says running (any value but
 * the three terminal ones, in any casing), {@code Failed}/{@code Canceled}, or {@code Succeeded}. On success the
 * result comes from {@code Location} when the service gave one (the poller switches to a {@link LocationStrategy}),
 * else from the status body's {@code properties}.
 */
final class StatusUrlStrategy implements PollingStrategy {

    @Override
    public Uni<PollState> poll(AdhocBackupPoller poller) {
        return poller.get(poller.state().statusUrl()).onItem().transformToUni(r -> onStatus(poller, r));
    }

    private static Uni<PollState> onStatus(AdhocBackupPoller poller, HttpResult r) {
        PollState s = poller.state();
        OperationResource op = OperationUrls.readStatus(r);
        Optional<Duration> retryAfter = RetryAfter.parse(r::header, poller.clock().instant());
        OperationStatus st = op != null && op.status() != null ? op.status() : OperationStatus.IN_PROGRESS;
        int polls = s.polls() + 1;
        if (st.isSucceeded()) {
            if (s.locationUrl() != null) {
                poller.state(s.with(st, null, poller.clock().instant(), polls, op));
                LocationStrategy result = new LocationStrategy(true);
                poller.switchTo(result);
                return result.poll(poller);
            }
            Optional<String> job = op.jobId()
                    .or(() -> OperationUrls.jobInfo(OperationUrls.readTree(r)).map(OperationJobExtendedInfo::jobId));
            if (job.isEmpty()) {
                throw AdhocBackupPoller.pollingFailure("the operation " + s.operationId()
                        + " succeeded but its status has no properties.jobId and there is no Location to read the "
                        + "result from", r);
            }
            return Uni.createFrom().item(poller.complete(st, job.get(), polls, op));
        }
        if (st.isFailed() || st.isCanceled()) {
            throw poller.ended(op, polls, r.requestId(), r.responseCorrelationId(), r.clientRequestId());
        }
        return Uni.createFrom().item(poller.running(s, st, retryAfter, polls, op));
    }
}
