package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HEALTHCHECK of mock-server/src/main/docker/Dockerfile.jvm, executed: no container engine runs here, so the
 * packaged emulator is started as the image would start it (its ENTRYPOINT's JVM options, its ENV, with free ports and
 * a temporary certificate directory instead of 8089/8443 and /deployments/tls), and the HEALTHCHECK's exec-form
 * command is run as Docker runs it (argv as written, only the port substituted): exit 0 once the emulator is ready,
 * non-zero when nothing listens.
 */
class ContainerHealthCheckTest {

    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path dockerfile = d.resolve("mock-server/src/main/docker/Dockerfile.jvm");
            if (Files.isRegularFile(dockerfile)) {
                String joined = Files.readString(dockerfile).replaceAll("\\\\\n\\s*", " ");
                return joined.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            }
        }
        throw new IllegalStateException("mock-server/src/main/docker/Dockerfile.jvm not found above " + dir);
    }

    private static String one(List<String> instructions, String name) {
        List<String> found = instructions.stream().filter(i -> i.startsWith(name + " ")).toList();
        assertThat(found).as(name).hasSize(1);
        return found.get(0).substring(name.length() + 1);
    }

    /** An exec-form JSON array (["a", "b"]) as argv; the Dockerfile uses only the \\ and \" escapes. */
    static List<String> execForm(String json) {
        assertThat(json.strip()).startsWith("[").endsWith("]");
        List<String> argv = new ArrayList<>();
        Matcher m = JSON_STRING.matcher(json);
        while (m.find()) {
            assertThat(m.group(1).replaceAll("\\\\[\\\\\"]", "")).as("escapes other than \\\\ and \\\"")
                    .doesNotContain("\\");
            argv.add(m.group(1).replaceAll("\\\\([\\\\\"])", "$1"));
        }
        return argv;
    }

    private static Map<String, String> env(List<String> instructions) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String i : instructions) {
            if (i.startsWith("ENV ")) {
                Matcher m = Pattern.compile("([A-Z_]+)=(\\S+)").matcher(i);
                while (m.find()) {
                    env.put(m.group(1), m.group(2));
                }
            }
        }
        return env;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the health command once as Docker would, within its --timeout; a timeout counts as unhealthy (-1). */
    private static int probe(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return -1;
        }
        return p.exitValue();
    }

    /** Waits (up to 90 s, the JVM's start on a loaded machine) until the readiness endpoint answers 200 over HTTP. */
    private static void awaitReady(Process emulator, int port, Path log) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90); System.nanoTime() < end; ) {
            assertThat(emulator.isAlive()).as("emulator running; log: %s", log).isTrue();
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("azdp-mock not ready on port " + port + " within 90 s; log: " + log);
    }

    @Test
    void theHealthCheckCommandPassesAgainstTheEmulatorStartedAsTheImageDoesAndFailsWithoutIt() throws Exception {
        Path jar = AzdpMockServer.locateJar();
        assumeThat(jar.toString()).as("Dockerfile.jvm runs the JVM build, not the native one").endsWith(".jar");
        List<String> instructions = instructions();
        Map<String, String> env = env(instructions);
        String imagePort = env.get("QUARKUS_HTTP_PORT");
        assertThat(imagePort).isNotBlank();

        String healthcheck = one(instructions, "HEALTHCHECK");
        Matcher timeout = Pattern.compile("--timeout=(\\d+)s").matcher(healthcheck);
        assertThat(timeout.find()).as("HEALTHCHECK --timeout").isTrue();
        int timeoutSeconds = Integer.parseInt(timeout.group(1));
        List<String> imageCommand = execForm(healthcheck.substring(healthcheck.indexOf("CMD ") + 4));
        assertThat(String.join(" ", imageCommand)).as("the health command names the image's HTTP port")
                .contains("/" + imagePort);
        String shell = imageCommand.get(0);
        assertThat(Path.of("/usr/bin", shell)).as(shell + " (the image, eclipse-temurin, has it)").exists();

        int port = freePort();
        List<String> health = imageCommand.stream().map(a -> a.replace("/" + imagePort, "/" + port)).toList();

        Path tls = Files.createTempDirectory("azdp-mock-image-tls-");
        Map<String, String> imageEnv = new LinkedHashMap<>(env);
        imageEnv.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        imageEnv.put("AZDP_MOCK_HTTPS_PORT", String.valueOf(freePort()));
        imageEnv.put("AZDP_MOCK_HTTPS_DIR", tls.toString());
        imageEnv.put("AZDP_MOCK_HTTPS_CERTIFICATE_FILE", tls.resolve("azdp-mock.pem").toString());
        List<String> entrypoint = new ArrayList<>(execForm(one(instructions, "ENTRYPOINT")));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo("/deployments/quarkus-run.jar");
        entrypoint.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        entrypoint.set(entrypoint.size() - 1, jar.toString());

        assertThat(probe(health, timeoutSeconds)).as("nothing listens yet").isNotZero();
        Path log = Files.createTempFile("azdp-mock-image-", ".log");
        ProcessBuilder image = new ProcessBuilder(entrypoint).redirectErrorStream(true).redirectOutput(log.toFile());
        image.environment().putAll(imageEnv);
        Process emulator = image.start();
        try {
            awaitReady(emulator, port, log);
            assertThat(probe(health, timeoutSeconds)).as("HEALTHCHECK exit code against the ready emulator; log: %s",
                    log).isZero();
            assertThat(Files.readString(log)).contains("0.0.0.0:" + port);
            assertThat(tls.resolve("azdp-mock.pem")).exists();
        } finally {
            emulator.destroy();
            if (!emulator.waitFor(20, TimeUnit.SECONDS)) {
                emulator.destroyForcibly().waitFor();
            }
            try (var files = Files.list(tls)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(tls);
        }
        assertThat(probe(health, timeoutSeconds)).as("HEALTHCHECK exit code once the emulator is gone").isNotZero();
        Files.delete(log);
    }
}
