package io.azdp.client.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the packaged emulator ({@code mock-server/target/quarkus-app/quarkus-run.jar}) as a child process on a free
 * port for the client's end-to-end tests and points {@code azdp.*} at it. Short operation and job durations keep the
 * suite fast. (Interim launcher until the shared {@code mock-junit} module is available.)
 */
public class MockProcess implements QuarkusTestResourceLifecycleManager {
    private static Process process;
    private static Mock mock;

    public static synchronized Mock mock() {
        if (mock == null) {
            throw new IllegalStateException("the emulator is not running");
        }
        return mock;
    }

    static Path jar() {
        String root = System.getProperty("maven.multiModuleProjectDirectory");
        Path base = root != null ? Path.of(root) : Path.of("..");
        Path jar = base.resolve("mock-server/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("..").resolve("mock-server/target/quarkus-app/quarkus-run.jar");
        }
        return jar.toAbsolutePath().normalize();
    }

    @Override
    public synchronized Map<String, String> start() {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the emulator is not packaged: " + jar
                    + " missing (./mvnw -pl mock-server package)");
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dazdp.mock.operation-duration=PT0.3S", "-Dazdp.mock.job-duration=PT0.5S",
                "-Dquarkus.log.level=WARN", "-jar", jar.toString()));
        try {
            File log = new File("target/azdp-mock-" + port + ".log");
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
            String base = "http://127.0.0.1:" + port;
            waitReady(base);
            mock = new Mock(base);
            return Map.of("azdp.endpoint", base, "azdp.tenant-id", Mock.TENANT, "azdp.client-id", Mock.CLIENT_ID,
                    "azdp.client-secret", Mock.CLIENT_SECRET, "azdp.subscription-id", Mock.SUBSCRIPTION,
                    "azdp.poll-interval", "PT0.2S");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the emulator", e);
        }
    }

    private static void waitReady(String base) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200); // waiting for a child process to start, not timing logic under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the emulator did not become ready at " + base);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
            mock = null;
        }
    }
}
