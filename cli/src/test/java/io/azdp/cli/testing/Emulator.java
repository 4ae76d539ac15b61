package io.azdp.cli.testing;

import io.azdp.mock.junit.AzdpMockServer;
import io.azdp.model.mock.ControlPlane;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The azdp-mock emulator, started with mock-junit's {@link AzdpMockServer} from a private copy of the packaged
 * {@code mock-server} (its JVM jar, or the native executable after a {@code -Dnative} build), and the slice of its
 * {@code /_mock} control plane the CLI tests use, through mock-junit's {@link AzdpMockServer.Admin} (ADR 0014).
 */
public final class Emulator {
    public static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    public static final String RG = "azdp-demo-rg";
    public static final String VAULT = "azdp-demo-vault";
    public static final String INSTANCE = "azdp-demo-instance";
    public static final String VAULT_ID = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + RG
            + "/providers/Microsoft.DataProtection/backupVaults/" + VAULT;
    public static final String INSTANCE_ID = VAULT_ID + "/backupInstances/" + INSTANCE;
    public static final String TENANT = "00000000-0000-0000-0000-00000000feed";
    public static final String CLIENT_ID = "azdp-mock-client";
    public static final String CLIENT_SECRET = "azdp-mock-secret";

    /** Shared through a system property: the test resource and the test class live in different class loaders. */
    static final String URL_PROPERTY = "azdp.test.emulator.url";
    /** Its HTTPS URL (self-signed certificate) and the PEM of that certificate, shared the same way. */
    static final String HTTPS_URL_PROPERTY = "azdp.test.emulator.https-url";
    static final String CERTIFICATE_PROPERTY = "azdp.test.emulator.certificate";

    private final AzdpMockServer server;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** mock-junit's client of the control plane, by URL: the test resource's server instance is in another class loader. */
    private final AzdpMockServer.Admin admin;

    private Emulator(AzdpMockServer server, String baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.admin = AzdpMockServer.Admin.connect(baseUrl, null);
    }

    /**
     * Admin access to the emulator of the running test class. Quarkus starts test resources with the first launch of
     * a {@code @QuarkusMainTest}, so a launcher is needed to make sure it runs.
     */
    public static Emulator current(io.quarkus.test.junit.main.QuarkusMainLauncher launcher) {
        if (System.getProperty(URL_PROPERTY) == null) {
            launcher.launch("--version");
        }
        return current();
    }

    public static Emulator current() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("the emulator is not running (annotate the test with @WithTestResource(EmulatorResource.class))");
        }
        return new Emulator(null, url);
    }

    static Path jar() {
        String explicit = System.getProperty("azdp.mock.jar");
        Path jar = explicit != null ? Path.of(explicit) : AzdpMockServer.locateJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the azdp-mock jar " + jar.toAbsolutePath() + " is missing: build it with "
                    + "./mvnw -B -pl mock-server -am package -DskipTests (or set -Dazdp.mock.jar)");
        }
        // run a private copy: a concurrent rebuild of mock-server must not pull the jar from under the tests
        try {
            if (!jar.getFileName().toString().endsWith(".jar")) {
                // the native azdp-mock of a -Dnative build: one self-contained file
                Path copy = Files.createTempDirectory("azdp-cli-test-mock").resolve(jar.getFileName().toString());
                return Files.copy(jar, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
            Path source = jar.toAbsolutePath().getParent();
            Path copy = Files.createTempDirectory("azdp-cli-test-mock");
            try (var paths = Files.walk(source)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    Path target = copy.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            return copy.resolve(jar.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy the emulator from " + jar, e);
        }
    }

    static final String TOKEN_PROPERTY = "azdp.test.emulator.token";

    /**
     * How every CLI test runs the emulator: short operations and jobs, no Retry-After so tests do not wait, small job
     * pages so paging is exercised, and a journal large enough to count the requests of a whole 500-instance bulk run.
     * One list for all: the first test class that starts the shared emulator decides its settings for the whole JVM.
     */
    static final List<String> TEST_PROPERTIES = List.of("-Dazdp.mock.operation-duration=PT0.3S",
            "-Dazdp.mock.job-duration=PT0.5S", "-Dazdp.mock.retry-after=0", "-Dazdp.mock.job-page-size=5",
            "-Dazdp.mock.journal-size=100000");

    /** The emulator of this JVM, started on first use with {@link #TEST_PROPERTIES}. */
    public static Emulator shared() {
        return shared(TEST_PROPERTIES);
    }

    /** The emulator of this JVM, started on first use (state lives in system properties: class loaders differ). */
    private static Emulator shared(List<String> extraProperties) {
        synchronized (System.class) {
            String url = System.getProperty(URL_PROPERTY);
            if (url != null) {
                return new Emulator(null, url);
            }
            Emulator e = start(extraProperties);
            AzdpMockServer server = e.server;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "azdp-test-emulator-stop"));
            System.setProperty(TOKEN_PROPERTY, e.mintToken());
            return e;
        }
    }

    /** A bearer token the emulator accepts (minted once per JVM). */
    public String token() {
        String token = System.getProperty(TOKEN_PROPERTY);
        return token != null ? token : mintToken();
    }

    static synchronized Emulator start(List<String> extraProperties) {
        // HTTPS too (its certificate is generated once per machine and reused): the TLS error cases need a server
        // with a certificate the CLI does not trust
        AzdpMockServer.Builder builder = AzdpMockServer.builder().jar(jar()).https()
                .startTimeout(Duration.ofSeconds(120));
        for (String p : extraProperties) {
            String kv = p.startsWith("-D") ? p.substring(2) : p;
            int eq = kv.indexOf('=');
            builder.property(kv.substring(0, eq), kv.substring(eq + 1));
        }
        AzdpMockServer server = builder.start();
        Emulator e = new Emulator(server, server.baseUrl());
        System.setProperty(HTTPS_URL_PROPERTY, server.httpsUrl());
        System.setProperty(CERTIFICATE_PROPERTY, server.certificateFile().toString());
        System.setProperty(URL_PROPERTY, e.baseUrl);
        return e;
    }

    /** {@code https://localhost:PORT}: the same emulator behind its self-signed certificate. */
    public String httpsUrl() {
        return java.util.Objects.requireNonNull(System.getProperty(HTTPS_URL_PROPERTY), "the emulator has no HTTPS URL");
    }

    /** The PEM file of the emulator's self-signed HTTPS certificate. */
    public Path certificateFile() {
        return Path.of(java.util.Objects.requireNonNull(System.getProperty(CERTIFICATE_PROPERTY),
                "the emulator has no HTTPS certificate"));
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A control-plane request ({@code /_mock/...}); an answer of 400 or more is an {@link IllegalStateException}. */
    public String send(String method, String path, String body) {
        AzdpMockServer.Response r = switch (method) {
            case "GET" -> admin.get(path);
            case "POST" -> admin.post(path, body == null ? "" : body);
            case "PUT" -> admin.put(path, body == null ? "" : body, "application/json");
            case "DELETE" -> admin.delete(path);
            default -> throw new IllegalArgumentException("no control-plane method " + method);
        };
        if (r.status() >= 400) {
            throw new IllegalStateException(method + " " + path + " -> " + r.status() + " " + r.body());
        }
        return r.body();
    }

    /** A GET of the emulator's ARM surface with a valid token (path with its query). */
    public String armGet(String pathAndQuery) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token()).GET().build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                throw new IllegalStateException("GET " + pathAndQuery + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The journal's entries for {@code method} whose path matches the regex (JSON: count, entries). */
    public String journal(String method, String pathRegex) {
        return admin.journal(journalQuery(method, pathRegex));
    }

    private static String journalQuery(String method, String pathRegex) {
        return ControlPlane.METHOD + "=" + method + "&" + ControlPlane.PATH + "="
                + java.net.URLEncoder.encode(pathRegex, java.nio.charset.StandardCharsets.UTF_8);
    }

    public void reset() {
        send("POST", ControlPlane.path(ControlPlane.RESET), null);
    }

    /** Adds a rule (fault or scenario), e.g. {"method":"POST","path":".*\/backup","times":1,"fault":{"status":429}}. */
    public void rule(String json) {
        String named = json.contains("\"name\"") ? json
                : "{\"name\":\"cli-test-" + System.nanoTime() + "\"," + json.strip().substring(1);
        admin.rule(named);
    }

    public void mergeSeed(String json) {
        admin.mergeSeed(json);
    }

    public String mintToken() {
        return admin.token();
    }

    /** Number of journal entries for {@code method} whose path matches the regex. */
    public int count(String method, String pathRegex) {
        String body = journal(method, pathRegex);
        Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no count in the journal's answer: " + body);
        }
        return Integer.parseInt(m.group(1));
    }

    public String journal() {
        return admin.journal(null);
    }
}
