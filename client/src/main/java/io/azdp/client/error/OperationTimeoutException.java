package io.azdp.client.error;

import java.util.Optional;

/**
 * The wait ended before the operation (or the backup job) did. Nothing was cancelled: the operation keeps running
 * on the service, and {@link #resumeToken()} lets this or another process continue polling.
 */
public class OperationTimeoutException extends ArmException {
    private static final long serialVersionUID = 1L;

    private final String resumeToken;
    private final String lastStatus;

    public OperationTimeoutException(String message, String lastStatus, String resumeToken) {
        super(message);
        this.lastStatus = lastStatus;
        this.resumeToken = resumeToken;
    }

    /** The token for {@code DataProtectionClient.resume(token)}, when the wait was for an operation. */
    public Optional<String> resumeToken() {
        return Optional.ofNullable(resumeToken);
    }

    /** The last status seen ({@code Inprogress}, {@code InProgress}, ...), or null. */
    public String lastStatus() {
        return lastStatus;
    }
}
