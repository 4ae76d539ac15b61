package io.azdp.cli.operation;

import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.client.lro.PollState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The state of a resumed operation as {@code azdp operation show} prints it. */
@RegisterForReflection
public record OperationView(String operationId, String status, boolean done, String jobId, String azureAsyncOperation,
        String location, String resumeToken) {

    static OperationView of(AdhocBackupPoller poller) {
        PollState s = poller.state();
        return new OperationView(s.operationId(), s.status() == null ? null : s.status().value(), poller.isDone(),
                poller.finalResult().map(r -> r.jobId()).orElse(s.jobId()),
                s.statusUrl() == null ? null : s.statusUrl().toString(),
                s.locationUrl() == null ? null : s.locationUrl().toString(), poller.resumeTokenIfAny().orElse(null));
    }
}
