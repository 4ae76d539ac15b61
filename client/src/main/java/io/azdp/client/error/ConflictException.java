package io.azdp.client.error;

/** Raised when the service refused the request because of the resource's state (409). */
public class ConflictException extends ArmException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ErrorResponse response) {
        super(response);
    }

    public ConflictException(String message) {
        super(message);
    }
}
