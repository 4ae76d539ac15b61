package io.azdp.client.auth;

import io.azdp.client.error.AuthenticationException;

/**
 * This credential cannot be used here (not configured, no managed identity endpoint, {@code az} missing or not
 * logged in): the chain moves on to the next one. Used alone, it fails the call like any authentication failure.
 */
final class CredentialUnavailableException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    CredentialUnavailableException(String message) {
        super(message);
    }
}
