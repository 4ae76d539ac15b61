package io.azdp.model.mock;

/**
 * The azdp-mock emulator's {@code /_mock} control plane, described once for both sides (docs/adr/0014): the emulator
 * routes its resource with these constants ({@code @Path(ControlPlane.RESET)} under {@code @Path(ControlPlane.ROOT)})
 * and {@code AzdpMockServer.admin()} in mock-junit calls {@link #path(String) path(RESET)}. Plain constants: no
 * Quarkus, no HTTP client; the request and answer bodies are described in docs/mock-server.md.
 */
public final class ControlPlane {

    /** Every control-plane path starts here. */
    public static final String ROOT = "/_mock";

    /**
     * The header that carries the control-plane key when the emulator is started with one ({@code
     * azdp.mock.control-plane-key}); without a key the control plane answers only loopback callers.
     */
    public static final String KEY_HEADER = "x-azdp-mock-key";

    /** The header that scripts one adhoc-backup trigger ({@code k=v;k=v}, docs/mock-server.md) on an ARM request. */
    public static final String SCENARIO_HEADER = "x-azdp-mock-scenario";

    // ------------------------------------------------------------------ paths below ROOT

    /** POST: back to the configured seed; forgets operations, jobs, rules and the journal. */
    public static final String RESET = "reset";
    /** PUT replaces, POST merges (YAML or JSON), GET reads the seed. */
    public static final String SEED = "seed";
    /** GET: the built-in seed. */
    public static final String SEED_DEFAULT = "seed/default";
    /** GET: inventory, operations and jobs; {@link #OPERATION_ID} narrows it to one operation. */
    public static final String STATE = "state";
    /** GET: the retention cap's counters. */
    public static final String RETENTION = "retention";
    /** GET reads, POST sets or advances ({@link #ADVANCE}) the emulator's clock. */
    public static final String CLOCK = "clock";
    /** POST adds a rule (scenario or fault), GET lists, DELETE removes every rule. */
    public static final String SCENARIOS = "scenarios";
    /** DELETE: one rule by name ({@link #NAME}). */
    public static final String SCENARIO = SCENARIOS + "/{" + ControlPlane.NAME + "}";
    /** POST sets, GET reads the token checks (mode, role). */
    public static final String AUTH = "auth";
    /** POST: a token ({@link #CLIENT_ID}, {@link #LIFETIME_SECONDS}, {@link #AUDIENCE}). */
    public static final String TOKEN = "token";
    /** GET: the HTTPS certificate (PEM) when the emulator serves HTTPS. */
    public static final String HTTPS_CERTIFICATE = "https/certificate";
    /** GET reads (filtered by {@link #SINCE}, {@link #METHOD}, {@link #PATH}, ...), DELETE clears the journal. */
    public static final String JOURNAL = "journal";
    /** GET: the journal's findings (polling etiquette), same filters as the journal plus {@link #EARLY_FIRST_POLLS}. */
    public static final String VERIFY = "verify";

    // ------------------------------------------------------------------ path and query parameters

    public static final String NAME = "name";
    public static final String OPERATION_ID = "operationId";
    public static final String ADVANCE = "advance";
    public static final String CLIENT_ID = "clientId";
    public static final String LIFETIME_SECONDS = "lifetimeSeconds";
    public static final String AUDIENCE = "audience";
    public static final String SINCE = "since";
    public static final String METHOD = "method";
    public static final String PATH = "path";
    public static final String CLIENT_REQUEST_ID = "clientRequestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String EARLY_FIRST_POLLS = "earlyFirstPolls";

    private ControlPlane() {
    }

    /** The absolute path of a path below {@link #ROOT}: {@code path(RESET)} is {@code /_mock/reset}. */
    public static String path(String below) {
        return ROOT + "/" + below;
    }
}
