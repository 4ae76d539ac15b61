package io.azdp.client.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.azdp.client.error.AuthenticationException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig;
import io.smallrye.mutiny.Uni;

/**
 * Entra ID client credentials through {@code quarkus-oidc-client}: {@code POST {authority}/{tenant}/oauth2/v2.0/token}
 * with {@code grant_type=client_credentials} and the ARM scope, authenticated either by a client secret
 * ({@code client_secret_post}) or by a federated token read from a file, again once it has expired (workload identity:
 * {@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer}). Works against any authority
 * host, e.g. the emulator's. Wrap in {@link CachingTokenSource} (as {@link TokenSources} does).
 */
final class ClientCredentialsTokenSource {
    private static final Logger LOG = Logger.getLogger(ClientCredentialsTokenSource.class);

    private final URI tokenUrl;
    private final String clientId;
    private final OidcClientConfig config;
    private final Clock clock;
    private final Duration timeout;
    private volatile Uni<OidcClient> client;
    private volatile OidcClient created;

    private ClientCredentialsTokenSource(URI authorityHost, String tenantId, String clientId, String clientSecret,
            Path federatedTokenFile, String scope, Clock clock, Duration timeout) {
        // quarkus-oidc-client logs the token request's form, secret included, at DEBUG
        OidcLogRedaction.install();
        String base = authorityHost.toString().replaceAll("/+$", "") + "/" + tenantId;
        this.tokenUrl = URI.create(base + "/oauth2/v2.0/token");
        this.clientId = clientId;
        this.clock = clock;
        this.timeout = timeout;
        OidcClientConfigBuilder b = OidcClientConfig.builder()
                .id("azdp-" + UUID.randomUUID())
                .authServerUrl(base)
                .discoveryEnabled(false)
                .connectionRetryCount(2)
                .tokenPath(tokenUrl.toString())
                .clientId(clientId)
                .scopes(scope)
                .earlyTokensAcquisition(false)
                .grant(OidcClientConfig.Grant.Type.CLIENT);
        if (federatedTokenFile != null) {
            b.credentials().jwt()
                    .source(OidcClientCommonConfig.Credentials.Jwt.Source.BEARER)
                    .tokenPath(federatedTokenFile)
                    .endCredentials();
        } else {
            b.credentials().clientSecret(clientSecret, OidcClientCommonConfig.Credentials.Secret.Method.POST).end();
        }
        this.config = b.build();
    }

    /** A caching source for a client secret. */
    static TokenSource withSecret(URI authorityHost, String tenantId, String clientId, String clientSecret,
            String scope, Clock clock, Duration timeout) {
        return wrap(new ClientCredentialsTokenSource(authorityHost, tenantId, clientId, clientSecret, null, scope,
                clock, timeout), "client credentials (secret)");
    }

    /** A caching source for a federated token file (workload identity). */
    static TokenSource withFederatedToken(URI authorityHost, String tenantId, String clientId,
            Path federatedTokenFile, String scope, Clock clock, Duration timeout) {
        return wrap(new ClientCredentialsTokenSource(authorityHost, tenantId, clientId, null, federatedTokenFile, scope,
                clock, timeout), "client credentials (federated token file " + federatedTokenFile + ")");
    }

    private static TokenSource wrap(ClientCredentialsTokenSource s, String kind) {
        return new CachingTokenSource(s::fetch, s.clock, CachingTokenSource.DEFAULT_REFRESH_BEFORE,
                kind + " for client id " + s.clientId + " at " + s.tokenUrl, s::close);
    }

    private Uni<AccessToken> fetch() {
        return oidcClient()
                .onItem().transformToUni(c -> c.getTokens())
                .onItem().transform(this::toAccessToken)
                .ifNoItem().after(timeout).failWith(() -> new AuthenticationException("token request to " + tokenUrl
                        + " for client id " + clientId + " got no answer within " + timeout))
                .onFailure(f -> !(f instanceof AuthenticationException)).transform(f -> new AuthenticationException(
                        "token request to " + tokenUrl + " for client id " + clientId + " failed: " + oneLine(f), f));
    }

    private AccessToken toAccessToken(Tokens tokens) {
        Long exp = tokens.getAccessTokenExpiresAt();
        Instant now = clock.instant();
        LOG.debugf("obtained an access token for client id %s, expires at %s", clientId,
                exp == null ? "unknown" : Instant.ofEpochSecond(exp));
        return new AccessToken(tokens.getAccessToken(), exp == null ? null : Instant.ofEpochSecond(exp), now);
    }

    private Uni<OidcClient> oidcClient() {
        Uni<OidcClient> c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    ArcContainer arc = Arc.container();
                    if (arc == null || !arc.isRunning()) {
                        return Uni.createFrom().failure(new AuthenticationException(
                                "client credentials need the Quarkus runtime (quarkus-oidc-client); outside Quarkus "
                                        + "pass a token with azdp.access-token / AZURE_ACCESS_TOKEN"));
                    }
                    InstanceHandle<OidcClients> clients = arc.instance(OidcClients.class);
                    if (!clients.isAvailable()) {
                        return Uni.createFrom().failure(new AuthenticationException(
                                "client credentials need the quarkus-oidc-client extension in the application"));
                    }
                    client = clients.get().newClient(config)
                            .onItem().invoke(created -> this.created = created)
                            .memoize().indefinitely();
                }
                c = client;
            }
        }
        return c;
    }

    private void close() {
        OidcClient c = created;
        if (c != null) {
            try {
                c.close();
            } catch (java.io.IOException | RuntimeException e) {
                LOG.debugf("closing the OIDC client failed: %s", e.getMessage());
            }
        }
    }

    private static String oneLine(Throwable f) {
        String m = f.getMessage();
        if (m == null || m.isBlank()) {
            m = f.getClass().getSimpleName();
        }
        return m.strip().replaceAll("\\s+", " ");
    }
}
