package io.azdp.mock.junit;

import io.azdp.model.mock.ControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The azdp-mock emulator running as a child process ({@code java -jar .../quarkus-run.jar}, or the native executable)
 * on a free port. Start it
 * with {@link #start()} or {@link #builder()}, use its URLs and credentials, {@link #reset()} between tests, and
 * {@link #close()} it at the end (the JUnit extension and the Quarkus test resource do both for you).
 *
 * <p>The jar (or native executable) is found through the system property {@code azdp.mock.jar}, the environment
 * variable {@code AZDP_MOCK_JAR}, or by walking up from {@code user.dir} to {@code mock-server/target} (see
 * {@link #locateJar()}).
 */
public final class AzdpMockServer implements AutoCloseable {

    public static final String TENANT_ID = "00000000-0000-0000-0000-00000000feed";
    public static final String CLIENT_ID = "azdp-mock-client";
    public static final String CLIENT_SECRET = "azdp-mock-secret";
    public static final String SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
    public static final String RESOURCE_GROUP = "azdp-demo-rg";
    public static final String VAULT_NAME = "azdp-demo-vault";
    public static final String INSTANCE_NAME = "azdp-demo-instance";
    public static final String POLICY_NAME = "azdp-demo-policy";
    public static final String API_VERSION = "2024-04-01";
    private static final String JAR_PATH = "mock-server/target/quarkus-app/quarkus-run.jar";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;
    private final Path log;
    private final int port;
    private final int httpsPort;
    private final Path certificateFile;
    private final String baseUrl;
    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread shutdownHook;

    private AzdpMockServer(Process process, Path log, int port, int httpsPort, Path certificateFile,
            Map<String, String> properties) {
        this.process = process;
        // the credentials the emulator was started with: its defaults unless the builder set them
        this.tenantId = properties.getOrDefault("azdp.mock.auth.tenant-id", TENANT_ID);
        this.clientId = properties.getOrDefault("azdp.mock.auth.client-id", CLIENT_ID);
        this.clientSecret = properties.getOrDefault("azdp.mock.auth.client-secret", CLIENT_SECRET);
        this.adminKey = properties.get("azdp.mock.admin-key");
        this.log = log;
        this.port = port;
        this.httpsPort = httpsPort;
        this.certificateFile = certificateFile;
        this.baseUrl = "http://localhost:" + port;
        this.shutdownHook = new Thread(this::stopProcess, "azdp-mock-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the emulator with its defaults (real clock, default seed, JWT auth). */
    public static AzdpMockServer start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link AzdpMockServer}: emulator config ({@code azdp.mock.*}), jar, timeout. */
    public static final class Builder {
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Path jar;
        private Duration startTimeout = Duration.ofSeconds(60);
        private boolean https;

        private Builder() {
        }

        /**
         * Also serve HTTPS on a free port with a self-signed certificate ({@link #httpsUrl()}, {@link #sslContext()},
         * {@link #certificateFile()}). Without it the emulator runs HTTP only.
         */
        public Builder https() {
            this.https = true;
            return this;
        }

        /** An emulator setting passed as {@code -Dkey=value}, e.g. {@code azdp.mock.clock.mode=virtual}. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public AzdpMockServer start() {
            Path runJar = jar != null ? jar : locateJar();
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                int sslPort = https ? freePort() : -1;
                try {
                    return launch(runJar, port, sslPort);
                } catch (IllegalStateException e) {
                    last = e;
                }
            }
            throw last;
        }

        private AzdpMockServer launch(Path runJar, int port, int sslPort) {
            List<String> cmd = new ArrayList<>();
            boolean jvm = runJar.getFileName().toString().endsWith(".jar");
            if (jvm) {
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.add("-XX:TieredStopAtLevel=1");
                cmd.add("-Xshare:auto");
                // the class-data archive the mock-server build trained, when it sits beside the jar: starts ~0.4 s
                // sooner; a JVM that cannot use it (another JDK, a rebuilt or copied jar) ignores it
                Path archive = runJar.resolveSibling("azdp-mock-trained.jsa");
                if (Files.isRegularFile(archive)) {
                    cmd.add("-XX:SharedArchiveFile=" + archive);
                    cmd.add("-Xlog:cds=off");
                    cmd.add("-Xlog:cds+dynamic=off");
                }
            } else {
                cmd.add(runJar.toString()); // the native azdp-mock: it takes the same -D settings
            }
            cmd.add("-Dquarkus.http.port=" + port);
            Path pem = null;
            if (sslPort > 0) {
                cmd.add("-Dazdp.mock.https.enabled=true");
                cmd.add("-Dazdp.mock.https.port=" + sslPort);
                pem = certificateDirectory().resolve("azdp-mock-" + sslPort + ".pem");
                cmd.add("-Dazdp.mock.https.certificate-file=" + pem);
            } else {
                // the emulator serves HTTPS by default: tests that did not ask for it keep to one private port
                cmd.add("-Dazdp.mock.https.enabled=false");
            }
            properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            if (jvm) {
                cmd.add("-jar");
                cmd.add(runJar.toString());
            }
            Path logFile;
            Process p;
            try {
                logFile = Files.createTempFile("azdp-mock-", ".log");
                p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start azdp-mock from " + runJar, e);
            }
            AzdpMockServer server = new AzdpMockServer(p, logFile, port, sslPort, pem, Map.copyOf(properties));
            server.awaitReady(startTimeout);
            return server;
        }
    }

    /**
     * The emulator to run: {@code azdp.mock.jar} or {@code AZDP_MOCK_JAR} if set, otherwise what the last build of
     * {@code mock-server} produced, found by walking up from {@code user.dir}: the artifact named by
     * {@code mock-server/target/quarkus-artifact.properties} (the JVM {@code quarkus-app/quarkus-run.jar}, or the native
     * {@code azdp-mock-server-*-runner} after a {@code -Dnative} build), else
     * {@code mock-server/target/quarkus-app/quarkus-run.jar}. A path that does not end in {@code .jar} is started as a
     * native executable.
     */
    public static Path locateJar() {
        String configured = System.getProperty("azdp.mock.jar");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("AZDP_MOCK_JAR");
        }
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("azdp.mock.jar / AZDP_MOCK_JAR: expected the path of quarkus-run.jar"
                        + " or of the native azdp-mock executable, got '" + configured + "' which is not a file");
            }
            return p;
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Optional<Path> built = builtArtifact(d.resolve("mock-server/target"));
            if (built.isPresent()) {
                return built.get();
            }
            Path candidate = d.resolve(JAR_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("azdp-mock not found above " + dir + ": build it with ./mvnw -B -pl mock-server"
                + " -am package -DskipTests (add -Dnative for the native one), or set -Dazdp.mock.jar / AZDP_MOCK_JAR");
    }

    /** The jar or native executable {@code target/quarkus-artifact.properties} names, if it exists. */
    static Optional<Path> builtArtifact(Path target) {
        Path props = target.resolve("quarkus-artifact.properties");
        if (!Files.isRegularFile(props)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(props)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String type = p.getProperty("type", "");
        String path = p.getProperty("path");
        if (path == null || !(type.equals("jar") || type.equals("native"))) {
            return Optional.empty();
        }
        Path artifact = target.resolve(path);
        return Files.isRegularFile(artifact) && (type.equals("jar") || Files.isExecutable(artifact))
                ? Optional.of(artifact) : Optional.empty();
    }

    /** A private directory for the certificate files of the emulators this JVM starts. */
    private static Path certificateDirectory() {
        try {
            Path dir = Files.createTempDirectory("azdp-mock-junit-tls");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the HTTPS certificate", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /**
     * Ready means every listener a test will use: with HTTPS, its port accepts connections too (readiness is answered
     * on HTTP, and a test that went straight to the HTTPS URL was once refused).
     */
    private boolean httpsAccepts() {
        if (httpsPort <= 0) {
            return true;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpsPort), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                stopProcess();
                throw new IllegalStateException("azdp-mock exited with code " + process.exitValue()
                        + " before it was ready; its output:\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && httpsAccepts()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopProcess();
                throw new IllegalStateException("interrupted while waiting for azdp-mock", e);
            }
            try {
                Thread.sleep(50); // polling a child process's readiness, not timing logic under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopProcess();
                throw new IllegalStateException("interrupted while waiting for azdp-mock", e);
            }
        }
        stopProcess();
        throw new IllegalStateException("azdp-mock was not ready within " + timeout + "; its output:\n" + logTail());
    }

    /** The last lines of the emulator's output (for diagnostics). */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    // ------------------------------------------------------------------ what tests use

    public int port() {
        return port;
    }

    /** e.g. {@code http://localhost:41234}: the ARM endpoint and the authority host. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code https://localhost:<port>} when started with {@link Builder#https()}. */
    public String httpsUrl() {
        if (httpsPort <= 0) {
            throw new IllegalStateException("azdp-mock was started without HTTPS: use AzdpMockServer.builder().https()");
        }
        return "https://localhost:" + httpsPort;
    }

    /** Whether this server also serves HTTPS ({@link Builder#https()}, {@code @AzdpMock(https = true)}). */
    public boolean hasHttps() {
        return httpsPort > 0;
    }

    /**
     * The file the emulator wrote its HTTPS certificate to (PEM), for clients configured by file: Quarkus's TLS
     * registry ({@code quarkus.tls.<name>.trust-store.pem.certs}), {@code SSL_CERT_FILE}, {@code REQUESTS_CA_BUNDLE},
     * {@code NODE_EXTRA_CA_CERTS}.
     */
    public Path certificateFile() {
        if (certificateFile == null) {
            throw new IllegalStateException("azdp-mock was started without HTTPS: use AzdpMockServer.builder().https()"
                    + " or @AzdpMock(https = true)");
        }
        return certificateFile;
    }

    /** The self-signed HTTPS certificate as PEM. */
    public String certificatePem() {
        Response r = admin().get(controlPlane(ControlPlane.HTTPS_CERTIFICATE));
        if (r.status() != 200) {
            throw new IllegalStateException("azdp-mock has no HTTPS certificate: " + r.body());
        }
        return r.body();
    }

    /** An SSLContext that trusts exactly the emulator's certificate. */
    public javax.net.ssl.SSLContext sslContext() {
        try {
            java.security.cert.Certificate cert = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(certificatePem()
                            .getBytes(StandardCharsets.US_ASCII)));
            java.security.KeyStore trust = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("azdp-mock", cert);
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory
                    .getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an SSLContext for azdp-mock: " + e.getMessage(), e);
        }
    }

    public String tokenUrl() {
        return baseUrl + "/" + tenantId + "/oauth2/v2.0/token";
    }

    public String tenantId() {
        return tenantId;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String subscriptionId() {
        return SUBSCRIPTION_ID;
    }

    public String resourceGroup() {
        return RESOURCE_GROUP;
    }

    public String vaultName() {
        return VAULT_NAME;
    }

    public String instanceName() {
        return INSTANCE_NAME;
    }

    /** ARM id of the default seed's backup instance. */
    public String instanceId() {
        return vaultId() + "/backupInstances/" + INSTANCE_NAME;
    }

    public String vaultId() {
        return "/subscriptions/" + SUBSCRIPTION_ID + "/resourceGroups/" + RESOURCE_GROUP
                + "/providers/Microsoft.DataProtection/backupVaults/" + VAULT_NAME;
    }

    /** An access token from the fake token endpoint (client credentials). */
    public String accessToken() {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret="
                + enc(clientSecret) + "&scope=" + enc("https://management.azure.com/.default");
        Response r = send(HttpRequest.newBuilder(URI.create(tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.status() != 200 || !m.find()) {
            throw new IllegalStateException("token endpoint answered HTTP " + r.status());
        }
        return m.group(1);
    }

    /**
     * The demo client certificate, private key first, as PEM: registered for {@link #clientId()}, so a certificate
     * credential ({@code AZURE_CLIENT_CERTIFICATE_PATH}) pointing at a file with this text authenticates.
     */
    public String clientCertificatePem() {
        Response r = admin().get("/_mock/credentials/client-certificate");
        if (r.status() != 200) {
            throw new IllegalStateException("GET /_mock/credentials/client-certificate answered HTTP " + r.status());
        }
        return r.body();
    }

    /**
     * A federated token from the emulator's built-in issuer for {@code subject} (null: the one trusted for
     * {@link #clientId()}), as AKS writes to {@code AZURE_FEDERATED_TOKEN_FILE}.
     */
    public String federatedToken(String subject, long lifetimeSeconds) {
        Response r = admin().post("/_mock/credentials/federated-token?lifetimeSeconds=" + lifetimeSeconds
                + (subject == null ? "" : "&subject=" + enc(subject)), "");
        if (r.status() != 200) {
            throw new IllegalStateException("POST /_mock/credentials/federated-token answered HTTP " + r.status());
        }
        return r.body().strip();
    }

    /** The value the emulator's App Service endpoint ({@code <baseUrl>/msi/token}) expects as IDENTITY_HEADER. */
    public String identityHeader() {
        return "azdp-mock-identity-header";
    }

    /** Back to the seed: forgets operations, jobs, rules, journal; clock and auth settings restored. */
    public void reset() {
        admin().post(controlPlane(ControlPlane.RESET), "");
    }

    /** The {@code /_mock} control plane. */
    public Admin admin() {
        return new Admin(baseUrl, adminKey, http);
    }

    /**
     * {@code /_mock/<below>}. Only ControlPlane's compile-time constants are used here, which javac inlines: api-model
     * is a {@code provided} dependency of mock-junit and need not be on its users' classpath (ADR 0014).
     */
    private static String controlPlane(String below) {
        return ControlPlane.ROOT + "/" + below;
    }

    /** A status code and body. */
    public record Response(int status, String body) {
    }

    /** Thin client for {@code /_mock}: raw JSON in and out, so it needs no JSON library. */
    public static final class Admin {
        private final String baseUrl;
        private final String adminKey;
        private final HttpClient http;

        private Admin(String baseUrl, String adminKey, HttpClient http) {
            this.baseUrl = baseUrl.replaceAll("/+$", "");
            this.adminKey = adminKey;
            this.http = http;
        }

        /**
         * The control plane of an emulator started elsewhere: by another process ({@code bin/azdp-mock}, a
         * container), or by a test resource in another class loader, where only its URL crosses over.
         *
         * @param baseUrl  the emulator's HTTP base URL ({@code http://localhost:8089})
         * @param adminKey its {@code azdp.mock.admin-key}, or null when it has none
         */
        public static Admin connect(String baseUrl, String adminKey) {
            return new Admin(baseUrl, adminKey,
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }

        public Response get(String path) {
            return send(http, baseUrl, request(path).GET().build());
        }

        public Response post(String path, String json) {
            return send(http, baseUrl, request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        public Response put(String path, String body, String contentType) {
            return send(http, baseUrl, request(path).header("Content-Type", contentType)
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        public Response delete(String path) {
            return send(http, baseUrl, request(path).DELETE().build());
        }

        /** A request to the control plane, with the key when the server was started with azdp.mock.admin-key. */
        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path));
            return adminKey == null || adminKey.isBlank() ? b : b.header(ControlPlane.KEY_HEADER, adminKey);
        }

        /** Registers a rule or named scenario (JSON, see docs/mock-server.md). */
        public void rule(String ruleJson) {
            expect(post(controlPlane(ControlPlane.SCENARIOS), ruleJson), 201);
        }

        public void clearRules() {
            expect(delete(controlPlane(ControlPlane.SCENARIOS)), 204);
        }

        /** Adds to the inventory (JSON or YAML seed; what exists with the same id is replaced). */
        public void mergeSeed(String yamlOrJson) {
            expect(post(controlPlane(ControlPlane.SEED), yamlOrJson), 200);
        }

        /** An access token the emulator accepts, minted by the control plane (no credentials involved). */
        public String token() {
            Matcher m = ACCESS_TOKEN.matcher(expect(post(controlPlane(ControlPlane.TOKEN), ""), 200).body());
            if (!m.find()) {
                throw new IllegalStateException("azdp-mock control plane: no access_token in the answer of "
                        + controlPlane(ControlPlane.TOKEN));
            }
            return m.group(1);
        }

        /** Replaces the inventory with a YAML or JSON seed. */
        public void seed(String yamlOrJson) {
            expect(put(controlPlane(ControlPlane.SEED), yamlOrJson, "application/yaml"), 200);
        }

        /** Moves the emulator clock forward (real mode: adds an offset; virtual mode: the only way time passes). */
        public void advanceClock(Duration by) {
            expect(post(controlPlane(ControlPlane.CLOCK), "{\"advance\":\"" + by + "\"}"), 200);
        }

        /** Sets auth mode (jwt|any-token|none) and/or role (contributor|reader|none); null keeps the value. */
        public void auth(String mode, String role) {
            String body = "{" + (mode == null ? "" : "\"mode\":\"" + mode + "\"")
                    + (mode != null && role != null ? "," : "") + (role == null ? "" : "\"role\":\"" + role + "\"") + "}";
            expect(post(controlPlane(ControlPlane.AUTH), body), 200);
        }

        /** The request journal as JSON ({@code {"count":..,"entries":[..]}}); query e.g. {@code "method=POST"}. */
        public String journal(String query) {
            return expect(get(controlPlane(ControlPlane.JOURNAL) + (query == null ? "" : "?" + query)), 200)
                    .body();
        }

        /** Polling-etiquette findings as JSON ({@code {"ok":..,"findings":[..]}}). */
        public String verify(String query) {
            return expect(get(controlPlane(ControlPlane.VERIFY) + (query == null ? "" : "?" + query)), 200)
                    .body();
        }

        public String state() {
            return expect(get(controlPlane(ControlPlane.STATE)), 200).body();
        }

        private Response expect(Response r, int status) {
            if (r.status() != status) {
                throw new IllegalStateException("azdp-mock control plane answered HTTP " + r.status() + ": " + r.body());
            }
            return r;
        }
    }

    private Response send(HttpRequest request) {
        return send(http, baseUrl, request);
    }

    private static Response send(HttpClient http, String baseUrl, HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("azdp-mock at " + baseUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the emulator and its process tree. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        try {
            Files.deleteIfExists(log);
            if (certificateFile != null) {
                Files.deleteIfExists(certificateFile);
                Files.deleteIfExists(certificateFile.getParent());
            }
        } catch (IOException e) {
            // best effort
        }
    }

    private void stopProcess() {
        Optional.of(process).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        });
    }
}
