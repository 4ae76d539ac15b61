package io.azdp.client.auth;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.azdp.client.error.AuthenticationException;
import io.smallrye.mutiny.Uni;

/** Picks the token source from the configured credentials. */
public final class TokenSources {

    private TokenSources() {
    }

    /**
     * In order: a fixed access token; client id + tenant + federated token file; client id + tenant + secret. With
     * nothing (or an incomplete set) configured, the returned source fails on first use with an
     * {@link AuthenticationException} naming what to set; constructing a client never fails for lack of credentials.
     *
     * <p>The one place that turns settings into a credential: a credential chain (environment, workload identity,
     * managed identity, Azure CLI) is built here.
     */
    public static TokenSource from(CredentialSettings c, Clock clock) {
        String accessToken = c.accessToken();
        URI authorityHost = c.authorityHost();
        String tenantId = c.tenantId();
        String clientId = c.clientId();
        String clientSecret = c.clientSecret();
        String federatedTokenFile = c.federatedTokenFile();
        String scope = c.scope();
        Duration timeout = c.timeout();
        if (present(accessToken)) {
            return new StaticTokenSource(accessToken);
        }
        boolean assertion = present(federatedTokenFile);
        if (present(tenantId) && present(clientId) && (present(clientSecret) || assertion)) {
            if (assertion) {
                Path file = Path.of(federatedTokenFile);
                if (!Files.isReadable(file)) {
                    return failing("azdp.federated-token-file: expected a readable file, got '" + federatedTokenFile
                            + "'");
                }
                return ClientCredentialsTokenSource.withFederatedToken(authorityHost, tenantId.trim(), clientId.trim(),
                        file, scope, clock, timeout);
            }
            return ClientCredentialsTokenSource.withSecret(authorityHost, tenantId.trim(), clientId.trim(),
                    clientSecret, scope, clock, timeout);
        }
        List<String> missing = new ArrayList<>();
        if (!present(tenantId)) {
            missing.add("azdp.tenant-id (AZURE_TENANT_ID)");
        }
        if (!present(clientId)) {
            missing.add("azdp.client-id (AZURE_CLIENT_ID)");
        }
        if (!present(clientSecret) && !assertion) {
            missing.add("azdp.client-secret (AZURE_CLIENT_SECRET) or azdp.federated-token-file "
                    + "(AZURE_FEDERATED_TOKEN_FILE)");
        }
        return failing("no credentials configured: set azdp.access-token (AZURE_ACCESS_TOKEN), or set "
                + String.join(", ", missing));
    }

    /** A fixed bearer token (a leading {@code Bearer } is dropped); it cannot be refreshed. */
    public static TokenSource fixed(String bearerToken) {
        return new StaticTokenSource(bearerToken);
    }

    private static TokenSource failing(String message) {
        return new TokenSource() {
            @Override
            public Uni<AccessToken> token() {
                return Uni.createFrom().failure(() -> new AuthenticationException(message));
            }

            @Override
            public String describe() {
                return "none (" + message + ")";
            }
        };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
