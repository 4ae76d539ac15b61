package io.azdp.client.error;

import io.azdp.model.CloudError;
import io.azdp.model.OperationResource;
import io.azdp.model.OperationStatus;

/**
 * The long-running operation reached {@code Failed} or {@code Canceled}; carries the status body and its error, e.g.
 * {@code (UserErrorMaxConcurrentOperationLimitReached) ... Status: Failed, operation id: ...}.
 */
public class OperationFailedException extends ArmException {
    private static final long serialVersionUID = 1L;

    private final transient OperationResource operation;

    public OperationFailedException(OperationResource operation, String operationId, String requestId,
            String correlationId, String clientRequestId) {
        this(operation, operationId, cloudErrorOf(operation), requestId, correlationId, clientRequestId);
    }

    private OperationFailedException(OperationResource operation, String operationId, CloudError error,
            String requestId, String correlationId, String clientRequestId) {
        super(new ErrorResponse(0, error, requestId, correlationId, clientRequestId)
                .describe("Status: " + statusOf(operation)
                        + (operationId == null ? "" : ", operation id: " + operationId)),
                0, error, requestId, correlationId, clientRequestId, null);
        this.operation = operation;
    }

    /** The status body that reported the failure. */
    public OperationResource operation() {
        return operation;
    }

    /** {@code Failed} or {@code Canceled} (as the service spelled it). */
    public OperationStatus status() {
        return operation == null ? null : operation.status();
    }

    public boolean isCanceled() {
        return operation != null && operation.status() != null && operation.status().isCanceled();
    }

    private static String statusOf(OperationResource op) {
        return op == null || op.status() == null ? "Failed" : op.status().value();
    }

    private static CloudError cloudErrorOf(OperationResource op) {
        if (op != null && op.error() != null) {
            return new CloudError(op.error());
        }
        String status = statusOf(op);
        boolean canceled = op != null && op.status() != null && op.status().isCanceled();
        return CloudError.of(canceled ? "OperationCanceled" : "OperationFailed", "The operation ended with status "
                + status + " and the service gave no error details");
    }
}
