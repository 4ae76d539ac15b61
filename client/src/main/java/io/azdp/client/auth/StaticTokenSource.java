package io.azdp.client.auth;

import io.smallrye.mutiny.Uni;

/**
 * A ready-made bearer token, e.g. {@code AZURE_ACCESS_TOKEN} or the output of {@code az account get-access-token}.
 * It cannot be refreshed: when the service rejects it the call fails with an {@code AuthenticationException}.
 */
final class StaticTokenSource implements TokenSource {
    private final AccessToken token;

    StaticTokenSource(String bearerToken) {
        String t = bearerToken == null ? null : bearerToken.trim();
        if (t != null && t.regionMatches(true, 0, "Bearer ", 0, 7)) {
            t = t.substring(7).trim();
        }
        this.token = new AccessToken(t, null, null);
    }

    @Override
    public Uni<AccessToken> token() {
        return Uni.createFrom().item(token);
    }

    @Override
    public String describe() {
        return "a fixed access token (azdp.access-token / AZURE_ACCESS_TOKEN)";
    }
}
