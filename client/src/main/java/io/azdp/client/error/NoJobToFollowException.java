package io.azdp.client.error;

/**
 * The operation succeeded, but the backup job it started cannot be followed: the service named no job, or a job id
 * that is neither a GUID nor a job ARM id, or a bare GUID whose vault is unknown. The backup may well be running;
 * {@link #rawJobId()} is what the service sent.
 */
public class NoJobToFollowException extends ArmException {
    private static final long serialVersionUID = 1L;

    private final String rawJobId;

    public NoJobToFollowException(String rawJobId) {
        super(rawJobId == null || rawJobId.isBlank()
                ? "the operation succeeded but named no backup job, so there is none to follow"
                : "the operation succeeded and named job '" + rawJobId + "', which cannot be followed without its "
                        + "vault (or is not a job id)");
        this.rawJobId = rawJobId;
    }

    /** The {@code jobId} the service sent, or null. */
    public String rawJobId() {
        return rawJobId;
    }
}
