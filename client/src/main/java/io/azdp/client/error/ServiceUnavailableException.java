package io.azdp.client.error;

/**
 * A 5xx (or 408) after the retries were used up, or a connection failure (status 0) that could not or must not be
 * retried.
 */
public class ServiceUnavailableException extends ArmException {
    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(ErrorResponse response) {
        super(response);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
