package io.azdp.client.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.azdp.client.error.AuthenticationException;
import io.azdp.client.error.ServiceUnavailableException;
import io.azdp.client.error.TlsHandshakeException;
import io.azdp.client.http.ProxySettings;
import io.smallrye.mutiny.Uni;

/**
 * Managed identity: App Service / Functions when {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER} are set
 * ({@code GET {endpoint}?api-version=2019-08-01&resource=..}, header {@code X-IDENTITY-HEADER}), else the legacy
 * App Service endpoint when {@code MSI_ENDPOINT} and {@code MSI_SECRET} are set ({@code GET
 * {endpoint}?api-version=2017-09-01&resource=..[&clientid=..]}, header {@code secret}, an {@code expires_on} such as
 * {@code 9/14/2017 1:23:45 PM +00:00}), else IMDS
 * ({@code GET {imds}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=..}, header
 * {@code Metadata: true}). System-assigned, or user-assigned by client id, object id or resource id. IMDS answers
 * 404, 410, 429 and 5xx are retried with exponential backoff (0.8 s doubling, Retry-After honoured, 4 retries), as
 * Azure Identity does. In the chain the first IMDS request is a probe with a one-second connect timeout and no retry:
 * anything but a token moves the chain on; alone, an endpoint that cannot be reached is a
 * {@link ServiceUnavailableException}. IMDS is always reached without a proxy (Microsoft: IMDS behind a proxy is
 * unsupported); the App Service endpoints follow the proxy settings.
 */
final class ManagedIdentityTokenSource {
    private static final Logger LOG = Logger.getLogger(ManagedIdentityTokenSource.class);
    static final int MAX_RETRIES = 4;
    static final Duration BASE_DELAY = Duration.ofMillis(800);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    /**
     * How long the chain's probe waits for IMDS's answer once connected: a real IMDS can take a few seconds for a
     * host's first token, but something that accepts the connection and then says nothing must not hold up the chain
     * for the whole read timeout.
     */
    private static final Duration PROBE_ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<DateTimeFormatter> LEGACY_EXPIRES_ON = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a XXX", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss XXX", Locale.US));

    private final URI url;
    private final String headerName;
    private final String headerValue;
    private final boolean appService;
    private final boolean legacy;
    private final String selector;
    private final Clock clock;
    private final Duration timeout;
    private final boolean inChain;
    private final HttpClient http;
    private final HttpClient probeHttp;
    private final AtomicBoolean probed = new AtomicBoolean();

    private ManagedIdentityTokenSource(CredentialSettings c, Clock clock, boolean inChain) {
        String resource = c.scope().endsWith("/.default") ? c.scope().substring(0, c.scope().length() - 8)
                : c.scope();
        String query;
        String sel = null;
        if (present(c.clientId())) {
            sel = "client_id=" + enc(c.clientId().strip());
        } else if (present(c.managedIdentityObjectId())) {
            sel = "object_id=" + enc(c.managedIdentityObjectId().strip());
        } else if (present(c.managedIdentityResourceId())) {
            sel = "mi_res_id=" + enc(c.managedIdentityResourceId().strip());
        }
        this.selector = sel == null ? "system-assigned" : "user-assigned, " + sel;
        boolean modern = present(c.identityEndpoint()) && present(c.identityHeader());
        this.legacy = !modern && present(c.msiEndpoint()) && present(c.msiSecret());
        this.appService = modern || legacy;
        if (legacy) {
            // 2017-09-01 names the user-assigned identity clientid; object ids are not supported there
            String legacySel = sel == null ? null : sel.startsWith("client_id=") ? "clientid=" + sel.substring(10)
                    : sel;
            query = "?api-version=2017-09-01&resource=" + enc(resource) + (legacySel == null ? "" : "&" + legacySel);
            this.url = URI.create(c.msiEndpoint().strip() + query);
            this.headerName = "secret";
            this.headerValue = c.msiSecret().strip();
        } else if (appService) {
            query = "?api-version=2019-08-01&resource=" + enc(resource) + (sel == null ? "" : "&" + sel);
            this.url = URI.create(c.identityEndpoint().strip() + query);
            this.headerName = "X-IDENTITY-HEADER";
            this.headerValue = c.identityHeader().strip();
        } else {
            query = "?api-version=2018-02-01&resource=" + enc(resource) + (sel == null ? "" : "&" + sel);
            this.url = URI.create(c.imdsEndpoint().toString().replaceAll("/+$", "") + "/metadata/identity/oauth2/token"
                    + query);
            this.headerName = "Metadata";
            this.headerValue = "true";
        }
        this.clock = clock;
        this.timeout = c.timeout();
        this.inChain = inChain;
        // IMDS is a link-local endpoint that Microsoft documents as unsupported behind a proxy ("disable proxies on
        // your requests"): it is always reached directly, so a proxy configured for ARM cannot slow down, answer for
        // or break the chain's probe (issue 12). App Service endpoints follow the proxy rules (and NO_PROXY).
        Optional<ProxySettings> proxy = appService ? c.proxy().apply(url) : Optional.empty();
        this.http = ProxySettings.jdkClient(proxy, c.timeout());
        this.probeHttp = inChain && !appService ? ProxySettings.jdkClient(proxy, PROBE_TIMEOUT) : http;
    }

    static TokenSource create(CredentialSettings c, Clock clock, boolean inChain) {
        ManagedIdentityTokenSource s = new ManagedIdentityTokenSource(c, clock, inChain);
        return new CachingTokenSource(s::fetch, clock, CachingTokenSource.DEFAULT_REFRESH_BEFORE, s.describe(), null);
    }

    private String describe() {
        return "managed identity (" + (legacy ? "App Service, MSI_ENDPOINT" : appService ? "App Service" : "IMDS")
                + ", " + selector + ") at "
                + url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
    }

    private Uni<AccessToken> fetch() {
        return attempt(0);
    }

    private Uni<AccessToken> attempt(int retry) {
        boolean probe = inChain && !appService && !probed.get();
        HttpClient client = probe ? probeHttp : http;
        HttpRequest req = HttpRequest.newBuilder(url).timeout(probe ? PROBE_ANSWER_TIMEOUT : timeout)
                .header(headerName, headerValue).GET().build();
        return Uni.createFrom().completionStage(() -> client.sendAsync(req, HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(f -> {
                    Throwable cause = f instanceof java.util.concurrent.CompletionException && f.getCause() != null
                            ? f.getCause() : f;
                    if (probe) {
                        return new CredentialUnavailableException("managed identity: no IMDS endpoint answered at "
                                + url.getRawAuthority() + " (" + cause.getClass().getSimpleName() + "): not an Azure"
                                + " host with a managed identity");
                    }
                    if (TlsHandshakeException.isCause(cause)) {
                        return new TlsHandshakeException(describe() + ": the TLS handshake failed ("
                                + cause.getClass().getSimpleName() + "); nothing was sent", cause);
                    }
                    return new ServiceUnavailableException(describe() + ": cannot reach the endpoint ("
                            + cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
                                    : ": " + cause.getMessage()) + ")", cause);
                })
                .onItem().transformToUni(r -> {
                    probed.set(true);
                    int s = r.statusCode();
                    if (s == 200) {
                        return Uni.createFrom().item(parse(r.body()));
                    }
                    if (probe) {
                        // the chain's probe is one request, never retried: anything but a token means "not here",
                        // and the chain moves on to the next credential at once
                        return Uni.createFrom().failure(new CredentialUnavailableException(describe()
                                + " answered HTTP " + s + " to the chain's probe: " + errorText(r.body())));
                    }
                    boolean retryable = !appService && (s == 404 || s == 410 || s == 429 || s >= 500)
                            || appService && (s == 429 || s >= 500);
                    if (retryable && retry < MAX_RETRIES) {
                        Duration delay = BASE_DELAY.multipliedBy(1L << retry);
                        Optional<String> ra = r.headers().firstValue("Retry-After");
                        if (ra.isPresent() && ra.get().strip().matches("\\d{1,4}")) {
                            Duration server = Duration.ofSeconds(Long.parseLong(ra.get().strip()));
                            delay = server.compareTo(delay) > 0 ? server : delay;
                        }
                        LOG.debugf("%s: HTTP %d, retry %d in %s", describe(), s, retry + 1, delay);
                        return Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                                .onItem().transformToUni(x -> attempt(retry + 1));
                    }
                    String why = describe() + " answered HTTP " + s + ": " + errorText(r.body());
                    if (retryable) {
                        return Uni.createFrom().failure(new ServiceUnavailableException(why + " (after " + retry
                                + " retries)", null));
                    }
                    if (inChain) {
                        // 400 "Identity not found", or something that is not IMDS (a proxy's 403) answering: move on
                        return Uni.createFrom().failure(new CredentialUnavailableException(why));
                    }
                    return Uni.createFrom().failure(new AuthenticationException(why));
                });
    }

    private AccessToken parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            String token = n.path("access_token").asText(null);
            if (token == null || token.isBlank()) {
                throw new AuthenticationException(describe() + " answered without an access_token");
            }
            Instant now = clock.instant();
            Instant expires = null;
            String on = n.path("expires_on").asText("").strip();
            if (on.matches("\\d{1,15}")) {
                expires = Instant.ofEpochSecond(Long.parseLong(on));
            } else if (legacyExpiry(on) != null) {
                expires = legacyExpiry(on);
            } else if (n.path("expires_in").asText("").matches("\\d+")) {
                expires = now.plusSeconds(Long.parseLong(n.path("expires_in").asText()));
            }
            return new AccessToken(token, expires, now);
        } catch (IOException e) {
            throw new AuthenticationException(describe() + " answered something that is not JSON");
        }
    }

    /**
     * The 2017-09-01 App Service form of {@code expires_on}: {@code 9/14/2017 1:23:45 PM +00:00} (Windows) or
     * {@code 9/14/2017 13:23:45 +00:00}; null when it is neither.
     */
    static Instant legacyExpiry(String text) {
        for (DateTimeFormatter f : LEGACY_EXPIRES_ON) {
            try {
                return OffsetDateTime.parse(text, f).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    private static String errorText(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            for (String f : new String[] {"error_description", "message", "error"}) {
                if (n.hasNonNull(f) && n.get(f).isTextual()) {
                    return n.get(f).asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through
        }
        String b = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return b.length() > 200 ? b.substring(0, 200) + "..." : b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
