package io.azdp.mock.gate;

import io.azdp.mock.BaseUrl;
import io.azdp.mock.Ids;
import io.azdp.mock.MockConfig;
import io.azdp.mock.auth.TokenService;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.error.CloudErrors;
import io.azdp.mock.error.UnknownPath;
import io.azdp.mock.lro.Scenario;
import io.azdp.model.arm.ArmHeaders;
import io.azdp.model.mock.ControlPlane;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import org.jboss.logging.Logger;

/**
 * The first Vert.x handler every request passes: request ids and ARM response headers, body-size limit, scenario
 * header, bearer check (ARM paths), rules and injected faults (status, latency, dropped connection), and the
 * journal. Also the last handler: unknown paths answer a CloudError instead of an empty 404.
 */
@ApplicationScoped
public class RequestGate {

    private static final Logger LOG = Logger.getLogger(RequestGate.class);
    public static final String REQUEST_ID = "azdp.requestId";
    public static final String SCENARIO = "azdp.scenario";
    /** A rule's {@code fault.nextLink}: the backup-job list answers it instead of its own. */
    public static final String NEXT_LINK = "azdp.next-link";
    /** The {@link JournalEntry.Lro} of a trigger or poll, put by the ARM resource for the journal. */
    public static final String LRO = "azdp.lro";
    public static final String CLIENT_ID = "azdp.clientId";
    /** What serving the request evicted (List of "operation <id>" / "job <ARM id>"), for the journal. */
    public static final String EVICTED = "azdp.evicted";
    private static final String DROPPED = "azdp.dropped";
    public static final String BACKUP_ACTION = "Microsoft.DataProtection/backupVaults/backupInstances/backup/action";
    /**
     * Longest request line (method, URL, version) the emulator serves: multi-KB polling URLs and nextLinks fit. The
     * HTTP layer's own limit ({@code quarkus.http.limits.max-initial-line-length}) is far above it, so a longer line
     * reaches this gate and gets a CloudError instead of the transport's bare 414.
     */
    static final int MAX_REQUEST_LINE = 16 * 1024;
    /** Most header bytes (names, values, separators) a request may carry; the transport's limit is far above it. */
    static final int MAX_HEADER_BYTES = 32 * 1024;
    /** HTTP statuses the router itself can fail a request with before any route runs (bad escapes, bodies). */
    private static final int[] ROUTER_FAILURES = {400, 405, 413, 414, 415, 431, 500, 501, 503};

    private final MockConfig config;
    private final Journal journal;
    private final Rules rules;
    private final TokenService tokens;
    private final ControlPlaneKey controlKey;
    /**
     * Reads a chunked body (no Content-Length to check up front) before the resources do, so one over
     * azdp.mock.max-body-bytes fails with a 413 this gate answers; the HTTP layer would end it with an empty 413.
     */
    private final BodyHandler chunkedBodies;

    public RequestGate(MockConfig config, Journal journal, Rules rules, TokenService tokens,
            ControlPlaneKey controlKey) {
        this.config = config;
        this.journal = journal;
        this.rules = rules;
        this.tokens = tokens;
        this.controlKey = controlKey;
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
    }

    void register(@Observes Router router) {
        router.route().order(-500).handler(this::handle).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE - 1).handler(RequestGate::notFound);
        // failures the router raises before a route runs (a URL it cannot decode) would otherwise end with an
        // empty body
        for (int status : ROUTER_FAILURES) {
            router.errorHandler(status, this::failure);
        }
    }

    public static boolean isArm(String path) {
        return path.regionMatches(true, 0, "/subscriptions/", 0, 15)
                || path.regionMatches(true, 0, "/providers/", 0, 11);
    }

    /** Whether {@code path} is the /_mock control plane (any casing, as a prefix segment). */
    static boolean isAdmin(String path) {
        int n = ControlPlane.ROOT.length();
        return path.regionMatches(true, 0, ControlPlane.ROOT, 0, n) && (path.length() == n || path.charAt(n) == '/');
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        ArmException tooLarge = oversized(req);
        if (tooLarge != null) {
            send(ctx, tooLarge);
            return;
        }
        try {
            // the check Quarkus's root handler would make silently (AzdpMockMain turns that one off)
            new URI(req.uri());
        } catch (URISyntaxException e) {
            send(ctx, new ArmException(400, "InvalidRequestUri", "The request URL is not a valid URI: "
                    + e.getReason() + " at index " + e.getIndex() + ". Percent-encode what is not allowed in a URL"
                    + " ('%' as %25, a space as %20)."));
            return;
        }
        String path = req.path();
        // every decision below is made on this path, so it must be the one the router resolves too
        String nonCanonical;
        try {
            nonCanonical = CanonicalPath.problem(path, ctx.normalizedPath());
        } catch (RuntimeException e) {
            nonCanonical = "it cannot be decoded";
        }
        if (nonCanonical != null) {
            send(ctx, new ArmException(400, "InvalidRequestUri", "The request path is not canonical: " + nonCanonical
                    + ". Send the resource path without dot segments, empty segments or needless percent-encoding."));
            return;
        }
        if (path.startsWith("/q/")) {
            ctx.next();
            return;
        }
        boolean admin = isAdmin(path);
        boolean arm = isArm(path);
        long start = System.nanoTime();
        String requestId = Ids.uuid();
        ctx.put(REQUEST_ID, requestId);
        HttpServerResponse resp = ctx.response();
        if (arm) {
            resp.putHeader(ArmHeaders.REQUEST_ID, requestId);
            String correlation = req.getHeader(ArmHeaders.CORRELATION_REQUEST_ID);
            resp.putHeader(ArmHeaders.CORRELATION_REQUEST_ID, correlation != null ? correlation : requestId);
            String clientRequestId = req.getHeader(ArmHeaders.CLIENT_REQUEST_ID);
            if (clientRequestId != null) {
                resp.putHeader(ArmHeaders.CLIENT_REQUEST_ID, clientRequestId);
            }
            if (req.method() == HttpMethod.GET) {
                resp.putHeader(ArmHeaders.RATE_LIMIT_REMAINING_READS, "11999");
            } else {
                resp.putHeader(ArmHeaders.RATE_LIMIT_REMAINING_WRITES, "1199");
            }
        }
        String[] ruleName = new String[1];
        // once per request: a reset (dropped) response may never reach the end handler, so the drop journals itself
        Runnable record = () -> { };
        if (!admin && journal.enabled()) {
            long seq = journal.nextSeq();
            Instant at = Instant.now();
            AtomicBoolean recorded = new AtomicBoolean();
            record = () -> {
                if (!recorded.compareAndSet(false, true)) {
                    return;
                }
                boolean dropped = Boolean.TRUE.equals(ctx.get(DROPPED));
                JournalEntry.Lro lro = ctx.get(LRO);
                journal.add(new JournalEntry(seq, at, req.method().name(), path, JournalRedaction.query(req.query()),
                        headers(req), dropped ? 0 : resp.getStatusCode(), (System.nanoTime() - start) / 1e6, ruleName[0],
                        dropped ? "dropped" : Etiquette.finding(lro, config.verify().earlyFirstPolls()), lro,
                        ctx.get(EVICTED)));
            };
            Runnable journalOnce = record;
            ctx.addEndHandler(ar -> journalOnce.run());
        }
        Runnable journalDrop = record;
        try {
            String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parseLong(length) > config.maxBodyBytes()) {
                throw new ArmException(413, "RequestEntityTooLarge", "The request body has " + length
                        + " bytes; azdp-mock accepts at most " + config.maxBodyBytes()
                        + " bytes (azdp.mock.max-body-bytes).");
            }
            if (admin && !(req.method() == HttpMethod.GET
                    && path.equalsIgnoreCase(ControlPlane.path(ControlPlane.HTTPS_CERTIFICATE)))) {
                controlKey.check(req.getHeader(ControlPlaneKey.HEADER));
            }
            String scenarioHeader = req.getHeader(Scenario.HEADER);
            Scenario scenario = scenarioHeader == null ? Scenario.EMPTY : Scenario.parse(scenarioHeader, rules.named());
            if (arm) {
                authorize(ctx, req);
                singleApiVersion(req);
            }
            Rule served = admin ? null : rules.match(req);
            int latency = scenario.latencyMs() == null ? 0 : scenario.latencyMs();
            boolean drop = Boolean.TRUE.equals(scenario.drop());
            Rule.Fault fault = null;
            Scenario fromRules = Scenario.EMPTY;
            if (served != null) {
                ruleName[0] = served.name();
                Rule.Fault f = served.fault();
                if (f != null) {
                    latency += f.latencyMs() == null ? 0 : f.latencyMs();
                    drop |= Boolean.TRUE.equals(f.drop());
                    fault = f.status() != null ? f : null;
                    if (f.nextLink() != null) {
                        ctx.put(NEXT_LINK, f.nextLink());
                    }
                }
                if (served.scenario() != null) {
                    fromRules = Scenario.parse(served.scenario(), rules.named());
                }
            }
            if (fault == null && scenario.httpStatus() != null) {
                fault = new Rule.Fault(scenario.httpStatus(), null, scenario.errorCode(), scenario.errorMessage(),
                        null, null, null);
            }
            ctx.put(SCENARIO, fromRules.overlay(scenario));
            Rule.Fault finalFault = fault;
            boolean finalDrop = drop;
            Runnable proceed = () -> {
                if (finalDrop) {
                    ctx.put(DROPPED, Boolean.TRUE);
                    journalDrop.run();
                    // this request only: HTTP/1.1 closes its connection, HTTP/2 resets its stream (closing the
                    // connection would also kill the other requests multiplexed on it)
                    resp.reset();
                } else if (finalFault != null) {
                    sendFault(ctx, finalFault);
                } else if (req.getHeader(HttpHeaders.CONTENT_LENGTH) == null
                        && req.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                    chunkedBodies.handle(ctx); // reads the body, then ctx.next(); over the limit: fail(413)
                } else {
                    ctx.next();
                }
            };
            if (latency > 0) {
                ctx.vertx().setTimer(latency, id -> proceed.run());
            } else {
                proceed.run();
            }
        } catch (ArmException e) {
            send(ctx, e);
        }
    }

    /** 414 / 431 for a request line or header block over the emulator's limits (checked before anything else). */
    static ArmException oversized(HttpServerRequest req) {
        int line = req.method().name().length() + req.uri().length() + 10;
        if (line > MAX_REQUEST_LINE) {
            return new ArmException(414, "RequestUriTooLong", "The request line (method, URL and version) has "
                    + line + " bytes; azdp-mock serves at most " + MAX_REQUEST_LINE + ".");
        }
        int headers = 0;
        for (Map.Entry<String, String> h : req.headers()) {
            headers += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headers > MAX_HEADER_BYTES) {
            return new ArmException(431, "RequestHeaderFieldsTooLarge", "The request headers have " + headers
                    + " bytes; azdp-mock accepts at most " + MAX_HEADER_BYTES + ".");
        }
        return null;
    }

    /** ARM reads one api-version: the same parameter twice with different values is refused, not guessed at. */
    private static void singleApiVersion(HttpServerRequest req) {
        java.util.List<String> values;
        try {
            values = req.params().getAll(ArmHeaders.API_VERSION);
        } catch (IllegalArgumentException e) {
            throw ArmException.badRequest("InvalidRequestUri", "The query string cannot be decoded: "
                    + e.getMessage() + ". Percent-encode '%' as %25.");
        }
        if (values.size() > 1 && values.stream().distinct().count() > 1) {
            throw ArmException.badRequest("InvalidApiVersionParameter", "The api-version query parameter is given "
                    + values.size() + " times with different values " + values + "; send it once.");
        }
    }

    private void authorize(RoutingContext ctx, HttpServerRequest req) {
        TokenService.Check check = tokens.check(req.getHeader(HttpHeaders.AUTHORIZATION));
        if (!check.ok()) {
            // the emulator's own authority (its token endpoint), so a client that follows the challenge stays local
            String base = BaseUrl.of(config.publicUrl(), req);
            String authority = (base == null ? "http://localhost" : base) + "/" + tokens.tenantId();
            throw new ArmException(check.status(), check.code(), check.message())
                    .header("WWW-Authenticate", "Bearer authorization_uri=\"" + authority
                            + "\", error=\"invalid_token\", error_description=\"" + check.message().replace('"', '\'')
                            + "\"");
        }
        ctx.put(CLIENT_ID, check.clientId());
        String role = tokens.role();
        boolean read = req.method() == HttpMethod.GET || req.method() == HttpMethod.HEAD;
        if ("none".equals(role) || "reader".equals(role) && !read) {
            String action = action(req.method(), req.path());
            String scope = req.path();
            throw new ArmException(403, "AuthorizationFailed", "The client '" + check.clientId()
                    + "' with object id '" + check.clientId() + "' does not have authorization to perform action '"
                    + action + "' over scope '" + scope + "' or the scope is invalid. If access was recently granted,"
                    + " please refresh your credentials.");
        }
    }

    /** The RBAC action a request needs, e.g. {@value #BACKUP_ACTION}. */
    static String action(HttpMethod method, String path) {
        Matcher m = UnknownPath.PROVIDER_TYPE.matcher(path);
        String provider = m.find() ? m.group(1) : "Microsoft.DataProtection";
        int at = path.toLowerCase(Locale.ROOT).indexOf("/providers/");
        String[] segs = at < 0 ? new String[0] : path.substring(at + 11).split("/");
        StringBuilder types = new StringBuilder(provider);
        int last = segs.length - 1;
        for (int i = 1; i < segs.length; i += 2) {
            if (i == last && method != HttpMethod.GET) {
                break;
            }
            types.append('/').append(segs[i]);
        }
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return types.append("/read").toString();
        }
        if (last >= 1 && last % 2 == 1) {
            return types.append('/').append(segs[last]).append("/action").toString()
                    .replace("/backupvaults/", "/backupVaults/").replace("/backupinstances/", "/backupInstances/");
        }
        return types.append("/write").toString();
    }

    private static void sendFault(RoutingContext ctx, Rule.Fault f) {
        int status = f.status();
        ArmException e = new ArmException(status, f.errorCode() != null ? f.errorCode() : CloudErrors.defaultCode(status),
                f.message() != null ? f.message() : CloudErrors.defaultMessage(status));
        Integer retryAfter = f.retryAfter() != null ? f.retryAfter() : status == 429 ? Integer.valueOf(1) : null;
        if (retryAfter != null && retryAfter >= 0) {
            e.header(ArmHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        }
        if (status == 429) {
            String budget = ctx.request().method() == HttpMethod.GET ? "reads" : "writes";
            e.header(ArmHeaders.RATE_LIMIT_REMAINING_PREFIX + budget, "0");
        }
        send(ctx, e);
    }

    public static void send(RoutingContext ctx, ArmException e) {
        HttpServerResponse resp = ctx.response();
        if (resp.ended()) {
            return;
        }
        resp.setStatusCode(e.status());
        e.headers().forEach(resp::putHeader);
        resp.putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
        resp.putHeader(ArmHeaders.FAILURE_CAUSE, "gateway");
        resp.end(CloudErrors.json(e.code(), e.getMessage(), e.target(), e.additionalInfo()));
    }

    /** Failures below JAX-RS (malformed URI, body over the transport limit, ...) still leave as CloudErrors. */
    void failure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.errorf("request failed: %s", ctx.failure() == null ? "HTTP " + status : ctx.failure().toString());
        }
        String message = switch (status) {
            case 400 -> "The request is malformed: its URL, headers or body could not be read"
                    + (ctx.failure() instanceof IllegalArgumentException ? " (" + ctx.failure().getMessage() + ")" : "")
                    + ".";
            case 413 -> "The request body is too large; azdp-mock accepts at most " + config.maxBodyBytes()
                    + " bytes (azdp.mock.max-body-bytes).";
            case 414 -> "The request URL is too long.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "azdp-mock hit an internal error; see the server log."
                    : "The request was rejected: HTTP " + status + ".";
        };
        String code = switch (status) {
            case 400 -> "InvalidRequest";
            case 413 -> "RequestEntityTooLarge";
            case 414 -> "RequestUriTooLong";
            case 431 -> "RequestHeaderFieldsTooLarge";
            default -> CloudErrors.defaultCode(status);
        };
        send(ctx, new ArmException(status, code, message));
    }

    static void notFound(RoutingContext ctx) {
        LOG.debugf("no route for %s %s", ctx.request().method(), ctx.request().path());
        send(ctx, UnknownPath.of(ctx.request().path(), ctx.request().getParam(ArmHeaders.API_VERSION)));
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Map<String, String> headers(HttpServerRequest req) {
        Map<String, String> out = new LinkedHashMap<>();
        req.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            out.merge(name, JournalRedaction.header(name, h.getValue()), (a, b) -> a + "," + b);
        });
        return out;
    }
}
