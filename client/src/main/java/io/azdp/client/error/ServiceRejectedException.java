package io.azdp.client.error;

/**
 * Raised when the service rejected the request (a 4xx other than 401, 403, 404, 409 and 429), e.g.
 * {@code BMSUserErrorInvalidInput}.
 */
public class ServiceRejectedException extends ArmException {
    private static final long serialVersionUID = 1L;

    public ServiceRejectedException(ErrorResponse response) {
        super(response);
    }

    public ServiceRejectedException(String message) {
        super(message);
    }
}
