package io.azdp.client.auth;

import java.time.Instant;

/**
 * A bearer token and when it expires. {@link #toString()} never shows the token.
 *
 * @param token     the bearer token (secret)
 * @param expiresAt expiry, or null when unknown
 * @param obtainedAt when it was obtained (for the refresh point), or null
 */
public record AccessToken(String token, Instant expiresAt, Instant obtainedAt) {

    public AccessToken {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("access token: expected a non-blank bearer token");
        }
    }

    /** The {@code Authorization} header value. */
    public String authorizationHeader() {
        return "Bearer " + token;
    }

    @Override
    public String toString() {
        return "AccessToken[token=REDACTED, expiresAt=" + expiresAt + "]";
    }
}
