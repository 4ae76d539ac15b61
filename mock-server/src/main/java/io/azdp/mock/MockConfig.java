package io.azdp.mock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every emulator setting, prefix {@code azdp.mock}. Documented in mock-server/README.md. */
@ConfigMapping(prefix = "azdp.mock")
public interface MockConfig {

    /**
     * api-version values the ARM surface accepts; {@code published} stands for every published Microsoft.DataProtection
     * version ({@link io.azdp.mock.arm.ApiVersions#PUBLISHED}). Every accepted version gets the 2024-04-01 shapes.
     */
    @WithDefault(io.azdp.mock.arm.ApiVersions.PUBLISHED_KEYWORD)
    List<String> apiVersions();

    /** How long an adhoc-backup operation stays {@code Inprogress}. */
    @WithDefault("PT1S")
    Duration operationDuration();

    /** How long the backup job it starts stays {@code InProgress}. */
    @WithDefault("PT5S")
    Duration jobDuration();

    /** Retry-After seconds on 202 and running status responses; negative means no Retry-After header. */
    @WithDefault("1")
    int retryAfter();

    /** Largest accepted request body in bytes; larger ones get 413 CloudError. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Page size of the backup-job list (nextLink paging). */
    @WithDefault("50")
    int jobPageSize();

    /**
     * Operations and jobs held (each). At the cap a new trigger evicts the oldest finished, idle operation (job); when
     * none is, the trigger is refused with 429 and Retry-After, so memory stays bounded and nothing in use is lost.
     */
    @WithDefault("20000")
    int maxJobs();

    /**
     * Operations and jobs created, read or polled within this window are never evicted (nor are running ones).
     */
    @WithDefault("PT1M")
    Duration retentionWindow();

    /** Most backup instances a seed may hold (after {@code count} expansion and merges). */
    @WithDefault("10000")
    int maxSeedInstances();

    /** Capacity of the request journal (oldest entries are dropped). */
    @WithDefault("10000")
    int journalSize();

    /** Seed file (YAML or JSON) loaded at start and on reset instead of the built-in default seed. */
    Optional<String> seedFile();

    /** Scenario applied to every adhoc-backup POST unless the request header says otherwise (k=v;k=v). */
    Optional<String> defaultScenario();

    /** Rules (YAML or JSON list of the POST /_mock/scenarios bodies) registered at start and on every reset. */
    Optional<String> rulesFile();

    /** Named scenarios, {@code azdp.mock.scenarios.<name>=k=v;k=v}, usable by name in the scenario header. */
    Map<String, String> scenarios();

    /**
     * Key the {@code /_mock} control plane requires in header {@code x-azdp-mock-key}. Unset: none on loopback (the
     * default bind address); a random key, printed at start, when {@code quarkus.http.host} is beyond loopback.
     */
    Optional<String> adminKey();

    /** Absolute base URL used in Location / Azure-AsyncOperation headers; default: taken from the request. */
    Optional<String> publicUrl();

    ClockConfig clock();

    AuthConfig auth();

    HttpsConfig https();

    VerifyConfig verify();

    /** How {@code /_mock/verify} and the journal judge polling etiquette. */
    interface VerifyConfig {
        /**
         * Polls of an operation, counted from the 202, that may come before the previous answer's Retry-After
         * elapsed without an {@code EarlyPoll} finding (reported as tolerated {@code EarlyFirstPoll}): the official
         * Azure SDKs poll once right after the 202. {@code 0} judges every poll strictly.
         */
        @WithDefault("1")
        int earlyFirstPolls();
    }

    /** Read by {@link io.azdp.mock.https.HttpsConfigSourceFactory} before the HTTP server starts. */
    interface HttpsConfig {
        /** Serve HTTPS beside HTTP (Azure SDKs send bearer tokens only over HTTPS). */
        @WithDefault("true")
        boolean enabled();

        /** HTTPS port; default 8443, or random (0) when {@code quarkus.http.port} is 0. */
        Optional<Integer> port();

        /** A PKCS12 keystore to use instead of the self-signed certificate generated once and reused. */
        Optional<String> keyStoreFile();

        Optional<String> keyStorePassword();

        /** Private directory of the generated certificate; default {@code <java.io.tmpdir>/azdp-mock-tls-<user>}. */
        Optional<String> dir();

        /** Host names or addresses the generated certificate also names, beside localhost, 127.0.0.1 and ::1. */
        Optional<List<String>> hostnames();

        /** Also write the served certificate (PEM) to this file, for SDKs and tools to trust. */
        Optional<String> certificateFile();
    }

    interface ClockConfig {
        /** {@code real} (wall clock) or {@code virtual} (advanced only through POST /_mock/clock). */
        @WithDefault("real")
        String mode();
    }

    interface AuthConfig {
        /** {@code jwt} (validate our own tokens), {@code any-token} (any well-formed bearer token) or {@code none}. */
        @WithDefault("jwt")
        String mode();

        @WithDefault("00000000-0000-0000-0000-00000000feed")
        String tenantId();

        @WithDefault("azdp-mock-client")
        String clientId();

        @WithDefault("azdp-mock-secret")
        String clientSecret();

        /** Further client id / secret pairs, {@code azdp.mock.auth.clients.<id>=<secret>}. */
        Map<String, String> clients();

        /** {@code contributor} (all allowed), {@code reader} (GET only: POST backup gets 403) or {@code none} (all 403). */
        @WithDefault("contributor")
        String role();

        /** Lifetime of issued access tokens. */
        @WithDefault("PT1H")
        Duration tokenLifetime();

        /**
         * Certificates registered per client for signed client assertions, {@code azdp.mock.auth.certificates.<id>=
         * <PEM file>}. The main client always has the built-in demo certificate (GET /_mock/auth/client-certificate).
         */
        Map<String, String> certificates();

        /** Issuer of the built-in federated credential of the main client (workload identity). */
        @WithDefault("https://azdp-mock.local/federation")
        String federationIssuer();

        /** Subject of the built-in federated credential of the main client. */
        @WithDefault("system:serviceaccount:default:azdp")
        String federationSubject();

        /**
         * Further federated credentials, {@code azdp.mock.auth.federated.<client-id>.issuer/subject/key-file}: assertions
         * from {@code issuer} about {@code subject}, signed by the key or certificate in {@code key-file} (PEM).
         */
        Map<String, Federated> federated();

        /** The system-assigned managed identity (its client id) the IMDS and App Service endpoints answer for. */
        @WithDefault("azdp-mock-system-identity")
        String systemIdentity();

        /** User-assigned managed identities, {@code azdp.mock.auth.user-identities.<client-id>=<resource id>}. */
        Map<String, String> userIdentities();

        /** The value App Service puts in IDENTITY_HEADER; requests must send it as X-IDENTITY-HEADER. */
        @WithDefault("azdp-mock-identity-header")
        String identityHeader();
    }

    /** One federated identity credential of a client. */
    interface Federated {
        String issuer();

        String subject();

        /** PEM public key or certificate of the issuer. */
        String keyFile();
    }
}
