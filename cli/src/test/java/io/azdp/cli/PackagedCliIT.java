package io.azdp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.cli.testing.Emulator;
import io.azdp.cli.testing.Results;
import io.azdp.mock.junit.ForwardProxy;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI run as a real process (the JVM {@code target/quarkus-app/quarkus-run.jar}, or the native executable
 * after a {@code -Dnative} build), configured only through the environment like a user would: stdin, environment
 * variables, the config file, Ctrl-C.
 */
class PackagedCliIT {
    static Emulator emulator;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void emulator() {
        emulator = Emulator.shared();
    }

    static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // the machine's own Azure settings and proxies must not steer the CLI away from the test's emulator
        pb.environment().keySet().removeIf(k -> k.startsWith("AZURE_") || k.startsWith("AZDP_")
                || k.equalsIgnoreCase("HTTP_PROXY") || k.equalsIgnoreCase("HTTPS_PROXY")
                || k.equalsIgnoreCase("NO_PROXY") || k.equalsIgnoreCase("ALL_PROXY") || k.startsWith("IDENTITY_")
                || k.startsWith("MSI_"));
        pb.environment().put("AZDP_CONFIG", "/nonexistent/azdp-config.yaml");
        pb.environment().putAll(env);
        return pb;
    }

    /**
     * How to run the packaged CLI: what the build produced, as {@code target/quarkus-artifact.properties} says (the
     * file Quarkus's own integration-test launcher reads): the native executable after {@code -Dnative}, otherwise
     * {@code java -jar quarkus-run.jar}. {@code -Dazdp.cli.jar} runs another jar.
     */
    static List<String> launcher() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String explicit = System.getProperty("azdp.cli.jar");
        if (explicit != null) {
            return List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", explicit);
        }
        Path target = Path.of("target");
        Properties artifact = new Properties();
        try (var in = Files.newInputStream(target.resolve("quarkus-artifact.properties"))) {
            artifact.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("no packaged azdp (target/quarkus-artifact.properties): build it with"
                    + " ./mvnw -B -pl cli -am package -DskipTests, -Dnative for the native executable");
        }
        Path path = target.resolve(artifact.getProperty("path", "")).toAbsolutePath();
        assertThat(path).as("the packaged azdp that target/quarkus-artifact.properties names").isRegularFile();
        return switch (artifact.getProperty("type", "")) {
            case "native" -> List.of(path.toString());
            case "jar" -> List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", path.toString());
            default -> throw new IllegalStateException("target/quarkus-artifact.properties: expected type jar or native,"
                    + " got " + artifact.getProperty("type"));
        };
    }

    static Map<String, String> emulatorEnv() {
        return Map.of("AZDP_ENDPOINT", emulator.baseUrl(), "AZURE_SUBSCRIPTION_ID", Emulator.SUBSCRIPTION,
                "AZURE_ACCESS_TOKEN", emulator.token(), "AZDP_POLL_INTERVAL", "1s");
    }

    static Run run(Map<String, String> env, String stdin, String... args) throws Exception {
        return finish(builder(env, args).start(), stdin);
    }

    /**
     * Feeds {@code stdin} (or nothing) and reads stdout and stderr at the same time (stderr on its own thread), so a
     * child that fills one pipe while the test reads the other cannot block either of them.
     */
    static Run finish(Process p, String stdin) throws Exception {
        var err = new java.util.concurrent.CompletableFuture<byte[]>();
        Thread t = new Thread(() -> {
            try {
                err.complete(p.getErrorStream().readAllBytes());
            } catch (IOException e) {
                err.completeExceptionally(e);
            }
        }, "packaged-cli-stderr");
        t.setDaemon(true);
        t.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        var out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.get(120, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    }

    @Test
    void triggersThroughEnvironmentVariablesAndReadsTheRequestFromStdin() throws Exception {
        String body = "backupRuleOptions:\n  ruleName: BackupWeekly\n  triggerOption:\n    retentionTagOverride: Weekly\n";
        Run r = run(emulatorEnv(), body, "backup", "--id", Emulator.INSTANCE_ID, "--json-file-path", "-",
                "--wait-for-job", "--query", "properties.extendedInfo.additionalDetails.RetentionTag", "-o", "tsv");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("Weekly\n");
        assertThat(r.err()).contains("Completed").doesNotContain(emulator.token());
    }

    @Test
    void anUntrustedCertificateIsOneLineNamingTheHostAndHowToTrustIt(@TempDir Path dir) throws Exception {
        // issue 15: the emulator's HTTPS port has a self-signed certificate this JVM does not trust
        String https = emulator.httpsUrl();
        Map<String, String> env = new java.util.HashMap<>(emulatorEnv());
        env.put("AZDP_ENDPOINT", https);
        Run r = run(env, null, "job", "list", "--vault-id", Emulator.VAULT_ID);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        String authority = java.net.URI.create(https).getAuthority();
        assertThat(r.err().strip().lines()).as(r.toString()).singleElement().asString()
                .startsWith("error: GET jobs failed: the TLS handshake with " + authority + " failed (")
                .contains("nothing was sent").contains("-Djavax.net.ssl.trustStore=");
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Caused by");

        // the hint works: the certificate in a truststore given to the JVM (or the native binary) as the line says
        Run trusted = runWithJvmOptions(env, trustEmulator(dir), "job", "list", "--vault-id", Emulator.VAULT_ID,
                "-o", "none");
        assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
    }

    @Test
    void anUntrustedCertificateAtTheTokenEndpointIsTheSameOneLineAndExit6() throws Exception {
        // issue 15: a TLS-inspecting proxy in front of the token endpoint looks like this: ARM is fine, the
        // authority host's certificate is not trusted; before, the handshake failure was not recognised there
        String https = emulator.httpsUrl();
        Run r = run(Map.of("AZDP_ENDPOINT", emulator.baseUrl(), "AZURE_SUBSCRIPTION_ID", Emulator.SUBSCRIPTION,
                "AZURE_AUTHORITY_HOST", https, "AZURE_TENANT_ID", Emulator.TENANT, "AZURE_CLIENT_ID",
                Emulator.CLIENT_ID, "AZURE_CLIENT_SECRET", Emulator.CLIENT_SECRET), null, "job", "list", "--vault-id",
                Emulator.VAULT_ID);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(6);
        assertThat(r.err().strip().lines()).as(r.toString()).singleElement().asString()
                .startsWith("error: ").contains("the TLS handshake with the token endpoint "
                        + java.net.URI.create(https).getAuthority() + " failed (")
                .contains("nothing was sent").contains("-Djavax.net.ssl.trustStore=");
        assertThat(r.out() + r.err()).doesNotContain(Emulator.CLIENT_SECRET).doesNotContain("\tat ");
    }

    @Test
    void workloadIdentityFromTheEnvironmentAsAksSetsIt(@TempDir Path dir) throws Exception {
        // issue 12: the CLI ignored AZURE_FEDERATED_TOKEN_FILE although its own error told users to set it
        Path file = dir.resolve("azure-identity-token");
        Files.writeString(file, emulator.send("POST", "/_mock/credentials/federated-token", "").strip());
        Map<String, String> env = Map.of("AZDP_ENDPOINT", emulator.baseUrl(), "AZURE_SUBSCRIPTION_ID",
                Emulator.SUBSCRIPTION, "AZURE_TENANT_ID", Emulator.TENANT, "AZURE_CLIENT_ID", Emulator.CLIENT_ID,
                "AZURE_FEDERATED_TOKEN_FILE", file.toString());
        Run shown = run(env, null, "auth", "show", "--query", "credential", "-o", "tsv");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).startsWith("workload identity");
        Run listed = run(env, null, "job", "list", "--vault-id", Emulator.VAULT_ID, "-o", "none");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
    }

    /**
     * Issue 12: proxies from the environment, as a user on a proxied network sets them: plain HTTP through
     * {@code HTTP_PROXY} (absolute-form requests), HTTPS through {@code HTTPS_PROXY} as a CONNECT tunnel (the proxy sees
     * only {@code CONNECT host:port}, never the path or the token).
     */
    @Test
    void environmentProxiesCarryHttpAndTunnelHttps(@TempDir Path dir) throws Exception {
        try (ForwardProxy proxy = ForwardProxy.start()) {
            Map<String, String> env = new java.util.HashMap<>(emulatorEnv());
            env.put("HTTP_PROXY", proxy.url());
            Run plain = run(env, null, "backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "-o", "none",
                    "--debug");
            assertThat(plain.exitCode()).as(plain.toString()).isZero();
            assertThat(proxy.requests()).as(plain.toString())
                    .anySatisfy(r -> assertThat(r).startsWith("GET " + emulator.baseUrl() + Emulator.INSTANCE_ID));
            // --debug names the proxy it used and where it came from (never credentials)
            assertThat(plain.err()).as(plain.toString()).contains("ARM requests to " + emulator.baseUrl()
                    + " go through proxy http://127.0.0.1:" + proxy.port() + " (from HTTP_PROXY)");
        }
        try (ForwardProxy proxy = ForwardProxy.start()) {
            String https = emulator.httpsUrl();
            Map<String, String> env = new java.util.HashMap<>(emulatorEnv());
            env.put("AZDP_ENDPOINT", https);
            env.put("HTTPS_PROXY", proxy.url());
            Run tunnelled = runWithJvmOptions(env, trustEmulator(dir), "backup-instance", "rules", "--id",
                    Emulator.INSTANCE_ID, "-o", "none");
            assertThat(tunnelled.exitCode()).as(tunnelled.toString()).isZero();
            assertThat(proxy.requests()).as(tunnelled.toString())
                    .contains("CONNECT " + java.net.URI.create(https).getAuthority())
                    .noneSatisfy(r -> assertThat(r).contains("/subscriptions/"));
            assertThat(proxy.refused()).isEmpty();
        }
    }

    /** JVM options that make the packaged CLI trust the emulator's self-signed certificate (a PKCS#12 truststore). */
    static List<String> trustEmulator(Path dir) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = Files.newInputStream(emulator.certificateFile())) {
            trust.setCertificateEntry("azdp-mock", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        Path store = dir.resolve("trust.p12");
        try (var out = Files.newOutputStream(store)) {
            trust.store(out, "changeit".toCharArray());
        }
        return List.of("-Djavax.net.ssl.trustStore=" + store, "-Djavax.net.ssl.trustStorePassword=changeit");
    }

    /** {@link #run} with JVM options before {@code -jar} (the JVM jar only). */
    static Run runWithJvmOptions(Map<String, String> env, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(launcher());
        // before -jar for the JVM; the native binary takes -D options as its first arguments
        int at = command.indexOf("-jar");
        command.addAll(at >= 0 ? at : 1, jvmOptions);
        command.addAll(List.of(args));
        ProcessBuilder pb = builder(env);
        pb.command(command);
        return finish(pb.start(), null);
    }

    @Test
    void idsAndCsvFromStdin() throws Exception {
        Run ids = run(emulatorEnv(), Emulator.INSTANCE_ID + "\n\n# comment\n" + Emulator.INSTANCE_ID + "\n", "backup",
                "--id", "-", "--rule-name", "BackupWeekly", "--no-wait");
        assertThat(ids.exitCode()).as(ids.toString()).isZero();
        assertThat(ids.out().lines()).hasSize(2).allMatch(l -> l.contains("\"status\":\"Started\""))
                .anyMatch(l -> l.contains("\"source\":\"<stdin>:4\""));
        Run csv = run(emulatorEnv(), "id,ruleName\n" + Emulator.INSTANCE_ID + ",BackupWeekly\n", "backup",
                "--from-file", "-", "--input-format", "csv");
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.out()).contains("\"status\":\"Succeeded\"");
        assertThat(csv.err()).contains("bulk: 1 items, 1 succeeded, 0 failed");
    }

    /**
     * Issue 13: a resume token read from stdin ({@code --resume-token -}), and {@code --ids -} prints bulk lines even
     * for one id (one id given as {@code --id} prints one result object instead; ScriptingTest). Here, not in the
     * in-JVM ScriptingTest: Quarkus's test console owns System.in during an in-JVM launch.
     */
    @Test
    void resumeTokenAndIdsFromStdin() throws Exception {
        Run started = run(emulatorEnv(), null, "backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--no-wait", "--query", "resumeToken", "-o", "tsv");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        String token = started.out().strip();
        assertThat(token).isNotBlank();
        Run shown = run(emulatorEnv(), token + "\n", "operation", "wait", "--resume-token", "-", "--query", "jobId",
                "-o", "tsv");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out().strip()).contains("/backupJobs/");
        Run bulk = run(emulatorEnv(), Emulator.INSTANCE_ID + "\n", "backup", "--ids", "-", "--rule-name",
                "BackupWeekly", "-o", "tsv");
        assertThat(bulk.exitCode()).as(bulk.toString()).isZero();
        assertThat(bulk.out().lines()).as(bulk.toString()).singleElement()
                .satisfies(line -> assertThat(line.split("\t", -1).length).isGreaterThan(5))
                .satisfies(line -> assertThat(line).contains(Emulator.INSTANCE_ID, "Succeeded"));
    }

    @Test
    void configFileProfilesAndPrecedence(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config.yaml"), "profile: emu\nprofiles:\n  emu:\n    endpoint: "
                + emulator.baseUrl() + "\n    subscription-id: " + Emulator.SUBSCRIPTION + "\n    access-token: "
                + emulator.token() + "\n  broken:\n    endpoint: http://127.0.0.1:9\n");
        Map<String, String> env = Map.of("AZDP_CONFIG", config.toString());
        Run viaFile = run(env, null, "backup-instance", "rules", "-g", Emulator.RG, "-v", Emulator.VAULT, "-n",
                Emulator.INSTANCE, "--query", "rules[0].ruleName", "-o", "tsv");
        assertThat(viaFile.exitCode()).as(viaFile.toString()).isZero();
        assertThat(viaFile.out()).isEqualTo("BackupWeekly\n");
        Run otherProfile = run(env, null, "backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "--profile", "broken");
        assertThat(otherProfile.exitCode()).as(otherProfile.toString()).isEqualTo(4); // no credentials in 'broken'
        Run envWins = run(Map.of("AZDP_CONFIG", config.toString(), "AZDP_ENDPOINT", "http://127.0.0.1:9"), null,
                "backup-instance", "rules", "--id", Emulator.INSTANCE_ID);
        assertThat(envWins.exitCode()).as(envWins.toString()).isEqualTo(6);
        Run flagWins = run(Map.of("AZDP_CONFIG", config.toString(), "AZDP_ENDPOINT", "http://127.0.0.1:9"), null,
                "backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "--endpoint", emulator.baseUrl());
        assertThat(flagWins.exitCode()).as(flagWins.toString()).isZero();
        assertThat(viaFile.err() + otherProfile.err() + envWins.err() + flagWins.err()).doesNotContain(emulator.token());
    }

    @Test
    void secretsNeverPrintedEvenWithDebug() throws Exception {
        Map<String, String> env = Map.of("AZDP_ENDPOINT", emulator.baseUrl(), "AZURE_SUBSCRIPTION_ID",
                Emulator.SUBSCRIPTION, "AZURE_TENANT_ID", Emulator.TENANT, "AZURE_CLIENT_ID", Emulator.CLIENT_ID,
                "AZURE_CLIENT_SECRET", Emulator.CLIENT_SECRET);
        Run r = run(env, null, "backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "--debug", "--verbose");
        assertThat(r.out() + r.err()).doesNotContain(Emulator.CLIENT_SECRET);
        Run flag = run(Map.of("AZDP_ENDPOINT", emulator.baseUrl()), null, "backup-instance", "rules", "--id",
                Emulator.INSTANCE_ID, "--tenant-id", Emulator.TENANT, "--client-id", Emulator.CLIENT_ID,
                "--client-secret", Emulator.CLIENT_SECRET, "--debug");
        assertThat(flag.err()).contains("warning: --client-secret on the command line");
        assertThat(flag.out() + flag.err()).doesNotContain(Emulator.CLIENT_SECRET);
        Run token = run(emulatorEnv(), null, "backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "--debug");
        assertThat(token.exitCode()).as(token.toString()).isZero();
        assertThat(token.err()).contains("GET ").doesNotContain(emulator.token());
        assertThat(token.out()).doesNotContain("GET ");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void ctrlCWhileWaitingPrintsHowToResumeAndExits130() throws Exception {
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this process tree (started as a background job)");
        signalWhileWaiting("INT", 130, "interrupted: nothing was cancelled on the service; resume with:");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void sigtermWhileWaitingPrintsHowToResumeAndExits143() throws Exception {
        signalWhileWaiting("TERM", 143, "terminated: nothing was cancelled on the service; resume with:");
    }

    private void signalWhileWaiting(String signal, int exitCode, String message) throws Exception {
        emulator.reset();
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":1,\"scenario\":\"opDuration=PT2M\"}");
        Process p = startBackup();
        try {
            StringBuffer err = collect(p);
            // the first progress line is printed once the wait, and with it the resume hint, is in place
            waitUntil(() -> err.toString().contains("operation "), p);
            assertThat(err.toString()).as("progress before the signal").contains("Inprogress");
            signal(p, signal);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(err.toString()).isTrue();
            assertThat(p.exitValue()).as(err.toString()).isEqualTo(exitCode);
            assertThat(err.toString()).contains(message, "azdp operation wait --resume-token 'azdp1.")
                    .doesNotContain("bug in azdp", "Exception");
        } finally {
            p.destroyForcibly();
            emulator.send("DELETE", "/_mock/scenarios", null);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void ctrlCDuringStartUpEndsTheProcessToo() throws Exception {
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this process tree (started as a background job)");
        emulator.reset();
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"scenario\":\"opDuration=PT2M\"}");
        try {
            for (long delayMs : new long[] { 600, 1000 }) {
                Process p = startBackup();
                try {
                    StringBuffer err = collect(p);
                    Thread.sleep(delayMs); // Quarkus is still starting, or the pre-flight reads are under way
                    signal(p, "INT");
                    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exited %d ms after start: %s", delayMs, err).isTrue();
                    assertThat(p.exitValue()).as(err.toString()).isEqualTo(130);
                    assertThat(err.toString()).doesNotContain("Exception");
                } finally {
                    p.destroyForcibly();
                }
            }
        } finally {
            emulator.send("DELETE", "/_mock/scenarios", null);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void ctrlCWhileTheTriggerIsInFlightSaysHowToCheckForTheBackup() throws Exception {
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this process tree (started as a background job)");
        emulator.reset();
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":1,\"fault\":{\"latencyMs\":15000}}");
        Process p = startBackup();
        try {
            StringBuffer err = collect(p);
            // the pre-flight reads the policy last, right before the (delayed) POST
            waitUntil(() -> emulator.count("GET", ".*/backupPolicies/.*") > 0, p);
            Thread.sleep(1000);
            signal(p, "INT");
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as(err.toString()).isTrue();
            assertThat(p.exitValue()).as(err.toString()).isEqualTo(130);
            assertThat(err.toString()).contains("interrupted while the backup request was in flight",
                    "azdp job list --vault-id " + Emulator.VAULT_ID + " --backup-instance-name " + Emulator.INSTANCE
                            + " --status InProgress -o table --endpoint " + emulator.baseUrl());
        } finally {
            p.destroyForcibly();
            emulator.send("DELETE", "/_mock/scenarios", null);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void sigtermDuringABulkRunLeavesALineForEveryItem() throws Exception {
        emulator.reset();
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"scenario\":\"opDuration=PT2M\"}");
        String id = Emulator.INSTANCE_ID;
        Process p = builder(emulatorEnv(), "backup", "--id", id, id, id, "--rule-name", "BackupWeekly", "--parallel",
                "2").start();
        p.getOutputStream().close();
        try {
            StringBuffer err = collect(p);
            // two backups started (the third waits for a free slot): each item polls its operation only once the
            // CLI has read its 202, so two operations polled prove both are Started (a fixed sleep raced a slow JVM)
            waitUntil(() -> operationsPolled() >= 2, p);
            signal(p, "TERM");
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(err.toString()).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err + out).isEqualTo(143);
            List<JsonNode> lines = out.lines().filter(l -> !l.isBlank()).map(Results::parse).toList();
            assertThat(lines).as(out).hasSize(3).allSatisfy(n -> assertThat(n.path("exitCode").asInt()).isEqualTo(130));
            assertThat(lines).extracting(n -> n.path("status").asText()).containsExactly("Started", "Started",
                    "NotSent");
            assertThat(lines.get(0).path("resumeToken").asText()).startsWith("azdp1.");
            assertThat(err.toString()).contains("terminated: nothing was cancelled on the service",
                    "2 Started", "0 InFlight", "1 NotSent", "azdp operation wait --resume-token TOKEN")
                    .doesNotContain("Exception");
        } finally {
            p.destroyForcibly();
            emulator.send("DELETE", "/_mock/scenarios", null);
        }
    }

    /** How many distinct operations the emulator's journal shows polled. */
    private static long operationsPolled() {
        return Pattern.compile("/operation(?:Status|Results)/([^\"?/]+)")
                .matcher(emulator.journal("GET", ".*/operation(Status|Results)/.*")).results()
                .map(m -> m.group(1)).distinct().count();
    }

    /** {@code azdp backup} of the seeded instance, with stdin closed. */
    private static Process startBackup() throws IOException {
        Process p = builder(emulatorEnv(), "backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly").start();
        p.getOutputStream().close();
        return p;
    }

    /** Waits up to 60 s for {@code done}, or until the process ends. */
    private static void waitUntil(BooleanSupplier done, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Collects the process's stderr as it arrives. */
    private static StringBuffer collect(Process p) {
        StringBuffer err = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8)) {
                char[] buf = new char[4096];
                for (int n; (n = in.read(buf)) >= 0;) {
                    err.append(buf, 0, n);
                }
            } catch (IOException e) {
                err.append(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return err;
    }

    private static void signal(Process p, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
    }

    /**
     * Whether this JVM, and so the CLI it starts, inherited SIGINT as ignored (a build started as a background job of a
     * non-interactive shell): the JVM then refuses any SIGINT handler, and Ctrl-C cannot be tested.
     */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }
}
