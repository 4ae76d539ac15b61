package io.azdp.client.auth;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.azdp.client.error.AuthenticationException;

/**
 * Runs a developer tool that holds a login ({@code az}, {@code azd}, {@code pwsh}) the way the tool credentials need
 * it: the executable from its setting or found on {@code PATH}, no shell (nothing is interpolated; a token appears
 * only in the tool's output, never in a process list), stdin from the null device (a tool that prompts fails instead
 * of hanging), and a timeout after which the tool and its children are killed. What a non-zero exit means is the
 * credential's business: {@link #run} returns it.
 */
final class ToolProcess {

    private static final java.util.regex.Pattern JWT = java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_.-]+");

    /** What the tool printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private final String credential;
    private final String tool;
    private final String executable;
    private final String executableSetting;
    private final String path;
    private final Duration timeout;
    private final String installHint;

    /**
     * @param credential        the credential's name in messages ({@code Azure CLI})
     * @param tool              the executable's name on PATH ({@code az}); on Windows {@code .cmd} and {@code .exe}
     *                          are tried first
     * @param executable        the configured executable, or null to search {@code path}
     * @param executableSetting the setting that configures it ({@code azdp.azure-cli-path})
     * @param path              the PATH to search
     * @param timeout           how long one invocation may take
     * @param installHint       what to do when the tool is missing ({@code install the Azure CLI and run az login})
     */
    ToolProcess(String credential, String tool, String executable, String executableSetting, String path,
            Duration timeout, String installHint) {
        this.credential = credential;
        this.tool = tool;
        this.executable = executable;
        this.executableSetting = executableSetting;
        this.path = path;
        this.timeout = timeout;
        this.installHint = installHint;
    }

    /**
     * Runs the tool with {@code args}; {@code what} names the invocation in a timeout message. The tool missing is a
     * {@link CredentialUnavailableException}, a timeout an {@link AuthenticationException}.
     */
    Result run(List<String> args, String what) {
        String exe = locate();
        List<String> command = new ArrayList<>();
        command.add(exe);
        command.addAll(args);
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            if (path != null) {
                pb.environment().put("PATH", path);
            }
            p = pb.start();
        } catch (IOException e) {
            throw new CredentialUnavailableException(credential + ": cannot run " + exe + " (" + e.getMessage() + ")");
        }
        Output out = Output.drain(p.getInputStream());
        Output err = Output.drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AuthenticationException(credential + ": " + what + " did not finish within " + timeout
                        + " (azdp.azure-cli-timeout)");
            }
            // the tool has ended, so all it wrote is in the pipes; but a child it left behind (a daemon, a "sleep &")
            // may hold them open: read to the end or for OUTPUT_GRACE, and use what was printed by then. Such a child
            // is left running: it is no longer the tool's, and the tool may have meant it to outlive it.
            long readUntil = System.nanoTime() + OUTPUT_GRACE.toNanos();
            out.awaitEnd(readUntil - System.nanoTime());
            err.awaitEnd(readUntil - System.nanoTime());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AuthenticationException(credential + ": interrupted while waiting for " + tool);
        }
        return new Result(p.exitValue(), out.text(), err.text());
    }

    /** How long output is still read after the tool ended (what it wrote is in the pipe buffers by then). */
    private static final Duration OUTPUT_GRACE = Duration.ofMillis(500);

    /** A pipe read to its end on a daemon thread; {@link #text} is what was read so far. */
    private static final class Output {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);

        static Output drain(InputStream in) {
            Output o = new Output();
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(buf)) >= 0;) {
                        synchronized (o.bytes) {
                            o.bytes.write(buf, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the pipe broke: keep what was read
                } finally {
                    o.end.countDown();
                }
            }, "azdp-tool-output");
            t.setDaemon(true);
            t.start();
            return o;
        }

        void awaitEnd(long nanos) throws InterruptedException {
            end.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** The executable: the configured one, else {@code tool} (Windows: {@code tool.cmd}, {@code tool.exe}) on PATH. */
    String locate() {
        if (executable != null && !executable.isBlank()) {
            if (!Files.isExecutable(Path.of(executable))) {
                throw new CredentialUnavailableException(credential + ": " + executableSetting + " '" + executable
                        + "' is not an executable file");
            }
            return executable;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String[] names = windows ? new String[] {tool + ".cmd", tool + ".exe", tool} : new String[] {tool};
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new CredentialUnavailableException(credential + ": " + tool + " was not found on PATH; " + installHint
                + ", or choose another credential with --auth / azdp.auth");
    }

    /** The first non-blank line of {@code s}, cut at 300 characters, anything like a token masked. */
    static String firstLine(String s) {
        for (String line : s.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                l = JWT.matcher(l).replaceAll("****");
                return l.length() > 300 ? l.substring(0, 300) + "..." : l;
            }
        }
        return "(no message)";
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "NUL"
                : "/dev/null");
    }

}
