package io.azdp.client.error;

/**
 * Raised when polling the status or result URL of a long-running operation failed with a 4xx, or the service answered
 * something the ARM long-running operation rules do not allow; the backup itself may well be running.
 */
public class PollingException extends ArmException {
    private static final long serialVersionUID = 1L;

    public PollingException(ErrorResponse response) {
        super(response);
    }

    public PollingException(String message) {
        super(message);
    }
}
