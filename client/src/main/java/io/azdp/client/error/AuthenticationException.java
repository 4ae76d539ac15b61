package io.azdp.client.error;

/**
 * Authentication failed: the service answered 401 (after one retry with a fresh token), the token endpoint refused
 * the credentials, or no credentials are configured (status 0). Never contains the secret or token.
 */
public class AuthenticationException extends ArmException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(ErrorResponse response) {
        super(response);
    }

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
