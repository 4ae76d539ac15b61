package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one of the repository's Azure SDK examples (docs/examples/sdk-*) as a child process against the emulator, for
 * the SDK tests of languages other than Java. A missing interpreter or SDK skips the test with the reason, unless
 * {@code AZDP_SDK_TESTS=require} (set by .ci/run, which installs them) turns the skip into a failure.
 */
final class SdkScript {

    /** What the script left: its exit code, stdout (the result) and stderr (diagnostics). */
    record Result(int exit, String stdout, String stderr) {
        String describe() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + tail(stderr);
        }

        private static String tail(String s) {
            return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
        }
    }

    /** Variables that would send the script's calls elsewhere than the emulator on this machine, or change Python. */
    private static final List<String> UNSET = List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy",
            "https_proxy", "all_proxy", "NO_PROXY", "no_proxy", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR",
            "PYTHONPATH", "PYTHONHOME", "NODE_OPTIONS", "NODE_PATH");

    private SdkScript() {
    }

    /** Skips the test with {@code reason} when {@code available} is false, or fails it in require mode. */
    static void assumeAvailable(boolean available, String reason) {
        if (!available && "require".equals(System.getenv("AZDP_SDK_TESTS"))) {
            fail(reason + " (AZDP_SDK_TESTS=require, as .ci/run sets it after installing the SDKs, forbids skipping)");
        }
        Assumptions.assumeTrue(available, reason);
    }

    /** The example directory {@code docs/examples/<name>}, found by walking up from {@code user.dir}. */
    static Optional<Path> exampleDirectory(String name) {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("docs/examples").resolve(name);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** An executable called {@code name} on PATH. */
    static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command} in {@code directory} with {@code env} added to a cleaned environment, stopping its process
     * tree after {@code timeout} (then the result's exit is -1).
     */
    static Result run(Path directory, List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("azdp-sdk-script", ".out");
        Path err = Files.createTempFile("azdp-sdk-script", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            UNSET.forEach(pb.environment()::remove);
            pb.environment().putAll(env);
            Process p = pb.start();
            int exit;
            if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = p.exitValue();
            } else {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                exit = -1;
            }
            return new Result(exit, Files.readString(out, StandardCharsets.UTF_8).strip(),
                    Files.readString(err, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The SDK's poller polled once right after the 202 (as the official pollers do) and kept to Retry-After from then
     * on: {@code /_mock/verify} is clean with exactly one tolerated early first poll, and is not when none is tolerated.
     */
    static void assertPolledOnceEarlyThenByRetryAfter(AzdpMockServer mock) {
        String verify = mock.admin().verify(null);
        assertThat(verify).contains("\"ok\":true").contains("\"findings\":[]");
        assertThat(verify.split("\"type\":\"EarlyFirstPoll\"", -1)).hasSize(2);
        assertThat(mock.admin().verify("earlyFirstPolls=0")).contains("\"ok\":false");
    }
}
