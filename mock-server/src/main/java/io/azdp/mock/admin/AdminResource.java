package io.azdp.mock.admin;

import io.azdp.mock.gate.RequestGate;
import io.azdp.mock.gate.Journal;
import io.azdp.mock.gate.JournalEntry;
import io.azdp.mock.gate.Etiquette;
import io.azdp.mock.gate.Rules;
import io.azdp.mock.gate.Rule;
import io.azdp.mock.store.OperationsAndJobs;
import io.azdp.mock.MockConfig;
import io.azdp.model.arm.ArmHeaders;
import io.azdp.model.mock.ControlPlane;
import io.azdp.mock.auth.TokenService;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.lro.BackupJob;
import io.azdp.mock.lro.MockClock;
import io.azdp.mock.inventory.InstanceEntry;
import io.azdp.mock.store.MockStore;
import io.azdp.mock.inventory.PolicyEntry;
import io.azdp.mock.inventory.Seed;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.model.AzdpJson;
import io.azdp.model.InvalidJsonException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The {@code /_mock} control plane: reset, seed, state, clock, scenarios/rules, auth settings, journal, verify. */
@Path(ControlPlane.ROOT)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "azdp-mock control plane", description = "Test-only endpoints: reset, seed, scenarios, clock, journal")
public class AdminResource {

    private final MockConfig config;
    private final MockStore store;
    private final MockClock clock;
    private final Rules rules;
    private final Journal journal;
    private final TokenService tokens;

    public AdminResource(MockConfig config, MockStore store, MockClock clock, Rules rules, Journal journal,
            TokenService tokens) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.rules = rules;
        this.journal = journal;
        this.tokens = tokens;
    }

    /** Back to the configured seed; forgets operations, jobs, rules, journal; clock and auth settings reset. */
    @POST
    @Path(ControlPlane.RESET)
    @Operation(summary = "Reset: seed, operations, jobs, rules, journal, clock and auth settings back to configuration")
    public Map<String, Object> reset() {
        store.reset();
        rules.clear();
        rules.loadConfigured();
        journal.clear();
        clock.reset("virtual".equalsIgnoreCase(config.clock().mode()));
        tokens.resetSettings();
        return summary("reset");
    }

    /** Replaces the inventory with the seed in the body (YAML or JSON) and forgets operations and jobs. */
    @PUT
    @Path(ControlPlane.SEED)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replace the inventory with a YAML or JSON seed (operations and jobs are forgotten)")
    public Map<String, Object> replaceSeed(byte[] body) {
        store.replace(store.parseSeed(body == null ? new byte[0] : body));
        return summary("seeded");
    }

    /** Adds the seed's resources to the current inventory, keeping operations and jobs. */
    @POST
    @Path(ControlPlane.SEED)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add the resources of a YAML or JSON seed to the inventory")
    public Map<String, Object> mergeSeed(byte[] body) {
        store.merge(store.parseSeed(body == null ? new byte[0] : body));
        return summary("merged");
    }

    @GET
    @Path(ControlPlane.SEED)
    @Operation(summary = "The current seed")
    public Seed seed() {
        return store.inventory().seed();
    }

    @GET
    @Path(ControlPlane.SEED_DEFAULT)
    @Operation(summary = "The built-in default seed")
    public Seed defaultSeed() {
        return store.defaultSeed();
    }

    private Map<String, Object> summary(String what) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", what);
        m.put("vaults", store.vaults().size());
        m.put("instances", store.inventory().instances().values().stream().mapToInt(Map::size).sum());
        m.put("policies", store.inventory().policies().values().stream().mapToInt(Map::size).sum());
        return m;
    }

    /** Inventory, operations (peeked, polls not counted) and jobs, optionally for one operation id. */
    @GET
    @Path(ControlPlane.STATE)
    @Operation(summary = "Inventory, operations (peeked, polls not counted) and jobs")
    public Map<String, Object> state(@QueryParam(ControlPlane.OPERATION_ID) String operationId) {
        Instant now = clock.now();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clock", clockState());
        m.put("auth", Map.of("mode", tokens.mode(), "role", tokens.role(), "tenantId", tokens.tenantId()));
        List<Object> vaults = new ArrayList<>();
        for (VaultEntry v : store.vaults()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("id", v.armId());
            vm.put("location", v.location());
            vm.put("policies", store.policies(v).stream().map(PolicyEntry::name).toList());
            vm.put("instances", store.instances(v).stream().map(i -> Map.of("name", i.name(), "policy",
                    i.policyName(), "currentProtectionState", i.currentProtectionState())).toList());
            vaults.add(vm);
        }
        m.put("vaults", vaults);
        List<Object> ops = new ArrayList<>();
        for (io.azdp.mock.lro.Operation op : store.tracked().operations()) {
            if (operationId != null && !operationId.equals(op.id())) {
                continue;
            }
            io.azdp.mock.lro.Operation.Snapshot s = op.peek(now);
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("id", op.id());
            om.put("instance", op.instance().armId());
            om.put("status", s.status());
            om.put("polls", op.pollCount());
            om.put("startTime", op.start().toString());
            om.put("jobId", op.job() == null ? null : op.job().armId());
            om.put("scenario", op.scenario());
            ops.add(om);
        }
        m.put("operations", ops);
        List<Object> jobs = new ArrayList<>();
        for (BackupJob j : store.tracked().jobs()) {
            if (operationId != null) {
                continue;
            }
            InstanceEntry i = j.instance();
            jobs.add(Map.of("id", j.armId(), "instance", i.armId(), "status", j.status(now), "startTime",
                    j.start().toString(), "retentionTag", j.retentionTag()));
        }
        m.put("jobs", jobs);
        m.put("retention", store.tracked().retention());
        return m;
    }

    /** Counters of the retention cap: held, evicted, refused triggers (cheap, unlike the whole state). */
    @GET
    @Path(ControlPlane.RETENTION)
    @Operation(summary = "Retention cap: operations and jobs held, evicted, and triggers refused since the last reset")
    public OperationsAndJobs.RetentionStats retention() {
        return store.tracked().retention();
    }

    // ---------------------------------------------------------------- clock

    @GET
    @Path(ControlPlane.CLOCK)
    @Operation(summary = "The emulator clock")
    public Map<String, Object> clockState() {
        return Map.of("now", clock.now().toString(), "mode", clock.isVirtual() ? "virtual" : "real");
    }

    /** Body {@code {"advance":"PT5S"}} and/or {@code {"mode":"virtual"}}; also query {@code ?advance=PT5S}. */
    @POST
    @Path(ControlPlane.CLOCK)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Advance the clock ({\"advance\":\"PT5S\"}) or switch its mode ({\"mode\":\"virtual\"})")
    public Map<String, Object> clock(@QueryParam(ControlPlane.ADVANCE) String advanceQuery, byte[] body) {
        ClockRequest req = body == null || body.length == 0 ? new ClockRequest(null, null)
                : read(body, ClockRequest.class);
        if (req.mode() != null) {
            if (!req.mode().equalsIgnoreCase("virtual") && !req.mode().equalsIgnoreCase("real")) {
                throw ArmException.badRequest("InvalidMockRequest", "mode: expected virtual|real, got '"
                        + req.mode() + "'");
            }
            clock.setVirtual(req.mode().equalsIgnoreCase("virtual"));
        }
        String advance = req.advance() != null ? req.advance() : advanceQuery;
        if (advance != null) {
            Duration by;
            try {
                by = advance.matches("\\d{1,12}") ? Duration.ofSeconds(Long.parseLong(advance))
                        : Duration.parse(advance);
            } catch (DateTimeParseException | ArithmeticException e) {
                by = null;
            }
            if (by == null || by.isNegative() || by.getSeconds() > MAX_SECONDS) {
                throw ArmException.badRequest("InvalidMockRequest", "advance: expected seconds or a non-negative"
                        + " ISO-8601 duration such as PT5S, at most P3650D, got '" + advance + "'");
            }
            clock.advance(by);
        }
        return clockState();
    }

    /** Body of POST /_mock/clock. */
    public record ClockRequest(String advance, String mode) {
    }

    // ---------------------------------------------------------------- scenarios and rules

    @POST
    @Path(ControlPlane.SCENARIOS)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Register a rule (match + fault/scenario) or a named scenario")
    public Response addRule(byte[] body) {
        Rule rule = read(body, Rule.class);
        return Response.status(201).entity(rules.add(rule)).build();
    }

    @GET
    @Path(ControlPlane.SCENARIOS)
    @Operation(summary = "Registered rules with hits and remaining counts, and named scenarios")
    public Map<String, Object> listRules() {
        return Map.of("rules", rules.describe(), "named", rules.named());
    }

    @DELETE
    @Path(ControlPlane.SCENARIOS)
    @Operation(summary = "Remove every rule")
    public Response clearRules() {
        rules.clear();
        return Response.noContent().build();
    }

    @DELETE
    @Path(ControlPlane.SCENARIO)
    @Operation(summary = "Remove one rule")
    public Response deleteRule(@PathParam(ControlPlane.NAME) String name) {
        if (!rules.remove(name)) {
            throw ArmException.notFound("NotFound", "no rule named '" + name + "'");
        }
        return Response.noContent().build();
    }

    // ---------------------------------------------------------------- auth settings and tokens

    /** Body {@code {"mode":"jwt|any-token|none","role":"contributor|reader|none"}}; reset restores configuration. */
    @POST
    @Path(ControlPlane.AUTH)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Set the auth mode (jwt|any-token|none) and role (contributor|reader|none)")
    public Map<String, Object> auth(byte[] body) {
        AuthRequest req = read(body, AuthRequest.class);
        try {
            if (req.mode() != null) {
                tokens.mode(req.mode());
            }
            if (req.role() != null) {
                tokens.role(req.role());
            }
        } catch (IllegalArgumentException e) {
            throw ArmException.badRequest("InvalidMockRequest", e.getMessage());
        }
        return authState();
    }

    @GET
    @Path(ControlPlane.AUTH)
    @Operation(summary = "Current auth mode and role")
    public Map<String, Object> authState() {
        return Map.of("mode", tokens.mode(), "role", tokens.role(), "tenantId", tokens.tenantId());
    }

    /** Body of POST /_mock/auth. */
    public record AuthRequest(String mode, String role) {
    }

    /**
     * Mints an ARM token without the client-credentials dance (tests, curl). {@code lifetimeSeconds} may be negative
     * to get an expired token; {@code audience} defaults to https://management.azure.com/.
     */
    @POST
    @Path(ControlPlane.TOKEN)
    @Operation(summary = "Mint an access token without the client-credentials flow")
    public Map<String, Object> token(@QueryParam(ControlPlane.CLIENT_ID) String clientId,
            @QueryParam(ControlPlane.LIFETIME_SECONDS) String lifetimeSeconds,
            @QueryParam(ControlPlane.AUDIENCE) String audience,
            @Context UriInfo uri) {
        Long lifetime = longParam("lifetimeSeconds", lifetimeSeconds, -MAX_SECONDS, MAX_SECONDS,
                "seconds (negative for an expired token)");
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        String token = tokens.issue(clientId == null ? config.auth().clientId() : clientId,
                base + "/" + tokens.tenantId() + "/v2.0", audience == null ? TokenService.ARM_AUDIENCE : audience,
                lifetime == null ? tokens.tokenLifetimeSeconds() : lifetime);
        return Map.of("token_type", "Bearer", "access_token", token);
    }

    /** The HTTPS certificate (PEM) to trust, when azdp.mock.https.enabled=true. */
    @GET
    @Path(ControlPlane.HTTPS_CERTIFICATE)
    @Produces("application/x-pem-file")
    @Operation(summary = "PEM of the HTTPS certificate (when azdp.mock.https.enabled=true)")
    public Response certificate() {
        return io.azdp.mock.https.HttpsMaterial.certificatePem().map(pem -> Response.ok(pem).build())
                .orElseThrow(() -> ArmException.notFound("NotFound",
                        "HTTPS is off: start azdp-mock with azdp.mock.https.enabled=true"));
    }

    // ---------------------------------------------------------------- journal and verify

    /** Requests in arrival order; filters: since (seq), method, path (regex), clientRequestId, correlationId. */
    @GET
    @Path(ControlPlane.JOURNAL)
    @Operation(summary = "The request journal (filters: since, method, path, clientRequestId, correlationId)")
    public Map<String, Object> journal(@QueryParam(ControlPlane.SINCE) String since,
            @QueryParam(ControlPlane.METHOD) String method,
            @QueryParam(ControlPlane.PATH) String path,
            @QueryParam(ControlPlane.CLIENT_REQUEST_ID) String clientRequestId,
            @QueryParam(ControlPlane.CORRELATION_ID) String correlationId) {
        List<JournalEntry> entries = journal.list(filter(since, method, path, clientRequestId, correlationId));
        return Map.of("count", entries.size(), "entries", entries);
    }

    @DELETE
    @Path(ControlPlane.JOURNAL)
    @Operation(summary = "Empty the journal")
    public Response clearJournal() {
        journal.clear();
        return Response.noContent().build();
    }

    /**
     * Polling-etiquette findings over the journal (same filters): EarlyPoll, MissingApiVersion,
     * MissingClientRequestId. {@code ok} is true when there are none. Early polls among the first
     * {@code earlyFirstPolls} of an operation (default {@code azdp.mock.verify.early-first-polls}) are listed under
     * {@code tolerated} as EarlyFirstPoll and do not make {@code ok} false.
     */
    @GET
    @Path(ControlPlane.VERIFY)
    @Operation(summary = "Polling-etiquette findings: EarlyPoll, MissingApiVersion, MissingClientRequestId;"
            + " tolerated: EarlyFirstPoll (earlyFirstPolls=N to judge otherwise)")
    public Map<String, Object> verify(@QueryParam(ControlPlane.SINCE) String since,
            @QueryParam(ControlPlane.METHOD) String method,
            @QueryParam(ControlPlane.PATH) String path,
            @QueryParam(ControlPlane.CLIENT_REQUEST_ID) String clientRequestId,
            @QueryParam(ControlPlane.CORRELATION_ID) String correlationId,
            @QueryParam(ControlPlane.EARLY_FIRST_POLLS) String earlyFirstPolls) {
        Long given = longParam("earlyFirstPolls", earlyFirstPolls, 0, Integer.MAX_VALUE,
                "polls per operation that may come early");
        int firstPolls = given != null ? given.intValue() : config.verify().earlyFirstPolls();
        List<JournalEntry> entries = journal.list(filter(since, method, path, clientRequestId, correlationId));
        List<Map<String, Object>> findings = new ArrayList<>();
        List<Map<String, Object>> tolerated = new ArrayList<>();
        int arm = 0;
        int polls = 0;
        for (JournalEntry e : entries) {
            if (!RequestGate.isArm(e.path())) {
                continue;
            }
            arm++;
            if (e.lro() != null && e.lro().poll() > 0) {
                polls++;
            }
            if (Etiquette.early(e.lro())) {
                boolean ok = Etiquette.tolerated(e.lro(), firstPolls);
                (ok ? tolerated : findings).add(finding(ok ? Etiquette.EARLY_FIRST_POLL : Etiquette.EARLY_POLL, e,
                        Etiquette.finding(e.lro(), firstPolls)));
            }
            if (e.query() == null || !e.query().contains("api-version=")) {
                findings.add(finding("MissingApiVersion", e, "request without the api-version query parameter"));
            }
            if (!e.headers().containsKey(ArmHeaders.CLIENT_REQUEST_ID)) {
                findings.add(finding("MissingClientRequestId", e, "request without an x-ms-client-request-id header"));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", findings.isEmpty());
        m.put("armRequests", arm);
        m.put("polls", polls);
        m.put("earlyFirstPolls", firstPolls);
        m.put("findings", findings);
        m.put("tolerated", tolerated);
        return m;
    }

    private static Map<String, Object> finding(String type, JournalEntry e, String detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("seq", e.seq());
        m.put("method", e.method());
        m.put("path", e.path());
        m.put("time", e.time().toString());
        m.put("detail", detail);
        return m;
    }

    private static Predicate<JournalEntry> filter(String sinceParam, String method, String path,
            String clientRequestId, String correlationId) {
        Long since = longParam("since", sinceParam, Long.MIN_VALUE, Long.MAX_VALUE, "a journal sequence number");
        Pattern p;
        try {
            p = path == null ? null : Pattern.compile(path);
        } catch (PatternSyntaxException e) {
            throw ArmException.badRequest("InvalidMockRequest", "path: expected a regular expression: "
                    + e.getDescription());
        }
        return e -> (since == null || e.seq() > since)
                && (method == null || method.equalsIgnoreCase(e.method()))
                && (p == null || p.matcher(e.path()).find())
                && (clientRequestId == null || clientRequestId.equals(e.headers().get(ArmHeaders.CLIENT_REQUEST_ID)))
                && (correlationId == null || correlationId.equals(e.headers().get(ArmHeaders.CORRELATION_REQUEST_ID)));
    }

    /** Ten years: the largest token lifetime or clock step the emulator takes, far from any overflow. */
    static final long MAX_SECONDS = Duration.ofDays(3650).toSeconds();

    /** A whole-number query parameter, or null when absent; 400 naming it otherwise. */
    private static Long longParam(String name, String value, long min, long max, String expected) {
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        String range = min == Long.MIN_VALUE ? "" : " from " + min + " to " + max;
        throw ArmException.badRequest("InvalidMockRequest", name + ": expected a whole number" + range + " ("
                + expected + "), got '" + value + "'");
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            T value = AzdpJson.read(body == null ? new byte[0] : body, type);
            if (value == null) {
                throw ArmException.badRequest("InvalidMockRequest", "$: expected a JSON object");
            }
            return value;
        } catch (InvalidJsonException e) {
            throw ArmException.badRequest("InvalidMockRequest", e.getMessage());
        }
    }
}
