package io.azdp.client.auth;

import io.smallrye.mutiny.Uni;

/** Supplies bearer tokens for ARM. Implementations cache and refresh; none logs a token or secret. */
public interface TokenSource {

    /** A currently valid token (cached when possible). Fails with an {@code AuthenticationException}. */
    Uni<AccessToken> token();

    /**
     * The service refused {@code rejected} (401): forget it so the next {@link #token()} fetches a new one.
     *
     * @return true when a new token can be fetched (a retry makes sense), false for a fixed token
     */
    default boolean invalidate(AccessToken rejected) {
        return false;
    }

    /** One line saying where tokens come from, without secrets (for diagnostics). */
    String describe();

    /** The subscription this credential's tool defaults to (Azure CLI: {@code az account show}), if any. */
    default java.util.Optional<String> defaultSubscription() {
        return java.util.Optional.empty();
    }

    default void close() {
    }
}
