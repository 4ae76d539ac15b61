package io.azdp.client.error;

/**
 * The service accepted the adhoc backup (201/202), but its {@code Azure-AsyncOperation} and {@code Location} headers
 * are not URLs the client can poll (unparsable, not http(s)). The backup may well be running: the raw header values
 * (and the job id, if the body named one) are what is known about it.
 */
public class UnfollowableOperationException extends PollingException {
    private static final long serialVersionUID = 1L;

    private final String rawAzureAsyncOperation;
    private final String rawLocation;
    private final String jobId;

    public UnfollowableOperationException(int httpStatus, String rawAzureAsyncOperation, String rawLocation,
            String jobId, String requestId, String correlationId, String clientRequestId) {
        super("the service accepted the adhoc backup (" + httpStatus + ") but its polling URL is not a URL "
                + "azdp can follow (Azure-AsyncOperation: " + quote(rawAzureAsyncOperation) + ", Location: "
                + quote(rawLocation) + "); the backup may be running: look for its job in the vault"
                + (requestId == null ? "" : " (request id: " + requestId + ")"));
        this.rawAzureAsyncOperation = rawAzureAsyncOperation;
        this.rawLocation = rawLocation;
        this.jobId = jobId;
    }

    private static String quote(String s) {
        return s == null ? "none" : "'" + s + "'";
    }

    public String rawAzureAsyncOperation() {
        return rawAzureAsyncOperation;
    }

    public String rawLocation() {
        return rawLocation;
    }

    /** The job id the accepting response's body named, or null. */
    public String jobId() {
        return jobId;
    }
}
