package io.azdp.client.error;

/** 403: the identity is authenticated but lacks the permission (the message names the action). */
public class AuthorizationFailedException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public AuthorizationFailedException(ErrorResponse response) {
        super(response);
    }
}
