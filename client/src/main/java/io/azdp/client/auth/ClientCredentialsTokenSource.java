package io.azdp.client.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.azdp.client.error.ArmException;
import io.azdp.client.error.AuthenticationException;
import io.azdp.client.error.ServiceUnavailableException;
import io.azdp.client.error.TlsHandshakeException;
import io.azdp.client.http.ProxySettings;
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
 * with {@code grant_type=client_credentials}, {@code client_id} and the ARM scope, authenticated either by a client
 * secret ({@code client_secret_post}) or by a client assertion made fresh for each request: a federated token read
 * again from its file (workload identity), a JWT signed with a certificate's key, or a given assertion
 * ({@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer}). Works against any authority
 * host, e.g. the emulator's, through the configured proxy. A token endpoint that cannot be reached is a
 * {@link ServiceUnavailableException}; a refusal an {@link AuthenticationException}. Wrap in {@link CachingTokenSource}
 * (as {@link TokenSources} does).
 */
final class ClientCredentialsTokenSource {
    private static final Logger LOG = Logger.getLogger(ClientCredentialsTokenSource.class);
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final URI tokenUrl;
    private final Optional<ProxySettings> tokenProxy;
    private final String clientId;
    private final Function<URI, String> assertion;
    private final OidcClientConfig config;
    private final Clock clock;
    private final Duration timeout;
    private final String credential;
    private volatile Uni<OidcClient> client;
    private volatile OidcClient created;

    private ClientCredentialsTokenSource(URI authorityHost, String tenantId, String clientId, String clientSecret,
            Function<URI, String> assertion, String scope, Clock clock, Duration timeout,
            Function<URI, Optional<ProxySettings>> proxy, String credential) {
        // quarkus-oidc-client logs the token request's form, secret included, at DEBUG
        OidcLogRedaction.install();
        String base = authorityHost.toString().replaceAll("/+$", "") + "/" + tenantId;
        this.tokenUrl = URI.create(base + "/oauth2/v2.0/token");
        this.clientId = clientId;
        this.assertion = assertion;
        this.clock = clock;
        this.timeout = timeout;
        this.credential = credential;
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
        this.tokenProxy = proxy.apply(tokenUrl);
        tokenProxy.ifPresent(p -> {
            LOG.debugf("token requests to %s go through proxy %s", tokenUrl, p.describe());
            if (p.user() != null) {
                b.proxy(p.host(), p.port(), p.user(), p.password() == null ? "" : p.password());
            } else {
                b.proxy(p.host(), p.port());
            }
        });
        if (clientSecret != null) {
            b.credentials().clientSecret(clientSecret, OidcClientCommonConfig.Credentials.Secret.Method.POST).end();
        }
        // without configured credentials the OIDC client sends client_id itself; the assertion is added per request
        this.config = b.build();
    }

    /** A caching source for a client secret. */
    static TokenSource withSecret(CredentialSettings c, Clock clock) {
        return wrap(new ClientCredentialsTokenSource(c.authorityHost(), c.tenantId().trim(), c.clientId().trim(),
                c.clientSecret(), null, c.scope(), clock, c.timeout(), c.proxy(), "environment (client secret)"));
    }

    /** A caching source for a federated token file (workload identity), read again for every token request. */
    static TokenSource withFederatedToken(CredentialSettings c, Path federatedTokenFile, Clock clock) {
        return wrap(new ClientCredentialsTokenSource(c.authorityHost(), c.tenantId().trim(), c.clientId().trim(),
                null, url -> readAssertion(federatedTokenFile), c.scope(), clock, c.timeout(), c.proxy(),
                "workload identity (federated token file " + federatedTokenFile + ")"));
    }

    /** A caching source signing a fresh assertion with a client certificate's key for every token request. */
    static TokenSource withCertificate(CredentialSettings c, ClientCertificate certificate, Clock clock) {
        return wrap(new ClientCredentialsTokenSource(c.authorityHost(), c.tenantId().trim(), c.clientId().trim(),
                null, url -> certificate.assertion(c.clientId().trim(), url, clock.instant()), c.scope(), clock,
                c.timeout(), c.proxy(), "environment (client certificate " + certificate.describe() + ")"));
    }

    /** A caching source for a given client assertion (sent as it is). */
    static TokenSource withAssertion(CredentialSettings c, Clock clock) {
        String jwt = c.clientAssertion().strip();
        return wrap(new ClientCredentialsTokenSource(c.authorityHost(), c.tenantId().trim(), c.clientId().trim(),
                null, url -> jwt, c.scope(), clock, c.timeout(), c.proxy(), "environment (client assertion)"));
    }

    private static TokenSource wrap(ClientCredentialsTokenSource s) {
        return new CachingTokenSource(s::fetch, s.clock, CachingTokenSource.DEFAULT_REFRESH_BEFORE,
                s.credential + " for client id " + s.clientId + " at " + s.tokenUrl, s::close);
    }

    private static String readAssertion(Path file) {
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (t.isEmpty()) {
                throw new AuthenticationException("workload identity: the federated token file " + file
                        + " is empty");
            }
            return t;
        } catch (IOException e) {
            throw new AuthenticationException("workload identity: cannot read the federated token file " + file
                    + " (" + e.getClass().getSimpleName() + "); check AZURE_FEDERATED_TOKEN_FILE");
        }
    }

    private Uni<AccessToken> fetch() {
        return oidcClient()
                .onItem().transformToUni(c -> c.getTokens(assertion == null ? Map.of()
                        : Map.of("client_assertion_type", JWT_BEARER, "client_assertion", assertion.apply(tokenUrl))))
                .onItem().transform(this::toAccessToken)
                .ifNoItem().after(timeout).failWith(() -> new ServiceUnavailableException(credential + ": the token"
                        + " endpoint " + tokenUrl + " gave no answer within " + timeout, null))
                .onFailure(f -> !(f instanceof ArmException)).recoverWithUni(this::explain);
    }

    /** The failure of a token request as one of this client's exceptions, naming the credential and what to do. */
    private Uni<AccessToken> explain(Throwable f) {
        if (TlsHandshakeException.isCause(f)) {
            return Uni.createFrom().failure(tlsFailure(f));
        }
        if (!unreachable(f)) {
            return Uni.createFrom().failure(new AuthenticationException(credential + ": the token request for client"
                    + " id " + clientId + " to " + tokenUrl + " failed: " + oneLine(f), f));
        }
        ServiceUnavailableException unreachable = new ServiceUnavailableException(credential + ": cannot reach the"
                + " token endpoint " + tokenUrl + " (" + oneLine(connectCause(f)) + "); check the network, the proxy"
                + " (HTTPS_PROXY, NO_PROXY) and azdp.authority-host", f);
        if (!"https".equalsIgnoreCase(tokenUrl.getScheme())) {
            return Uni.createFrom().failure(unreachable);
        }
        // quarkus-oidc-client reports every transport failure as "OIDC Server is not available" without its cause, so
        // a failed TLS handshake (a TLS-inspecting proxy, a private authority host) would read as "cannot reach". One
        // request without a body, through the same proxy and the JVM's trust store, tells the two apart.
        HttpRequest probe = HttpRequest.newBuilder(tokenUrl).timeout(timeout)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        return Uni.createFrom().completionStage(() -> ProxySettings.jdkClient(tokenProxy, timeout)
                        .sendAsync(probe, HttpResponse.BodyHandlers.discarding()))
                .onItemOrFailure().transformToUni((answer, probeFailure) -> Uni.createFrom().failure(
                        probeFailure != null && TlsHandshakeException.isCause(probeFailure) ? tlsFailure(probeFailure)
                                : unreachable));
    }

    private TlsHandshakeException tlsFailure(Throwable f) {
        Throwable root = rootCause(f);
        return new TlsHandshakeException(credential + ": the TLS handshake with the token endpoint "
                + tokenUrl.getRawAuthority() + " failed (" + root.getClass().getSimpleName() + ": " + oneLine(root)
                + "); nothing was sent", f);
    }

    /** A connection that could not be made (refused, unknown host, timeout, reset, proxy refused the tunnel). */
    static boolean unreachable(Throwable f) {
        for (Throwable t = f; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("OIDC Server is not available")) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s != t && unreachable(s)) {
                    return true;
                }
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException || t instanceof java.net.SocketException
                    || t instanceof java.net.http.HttpConnectTimeoutException
                    || t.getClass().getName().endsWith("ConnectTimeoutException")
                    || t.getClass().getName().endsWith("ProxyConnectException")
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable f) {
        Throwable t = f;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The connection failure itself (often a suppressed exception of the OIDC client's), else the root cause. */
    private static Throwable connectCause(Throwable f) {
        for (Throwable s : f.getSuppressed()) {
            if (s instanceof java.io.IOException) {
                return s;
            }
        }
        return rootCause(f);
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
