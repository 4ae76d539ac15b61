package io.azdp.cli.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether one standard stream is a terminal. {@code System.console()} cannot say: on Java 17 it exists only when stdin
 * and stdout are both terminals, so {@code azdp ... > out.json} would lose the live progress that stderr can show, and
 * {@code 2> log} would fill the log with {@code \r} lines. On Linux the answer comes from {@code /proc/self/fd/N}; where
 * that is not available, {@code System.console()} is the fallback.
 */
public final class Terminal {
    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;

    private Terminal() {
    }

    /** Live progress on stderr: stderr is a terminal, {@code TERM} is not {@code dumb}, {@code NO_COLOR} is unset. */
    public static boolean liveProgress() {
        return liveProgress(System.getenv(), isTerminal(STDERR));
    }

    static boolean liveProgress(Map<String, String> env, boolean stderrIsTerminal) {
        return stderrIsTerminal && !"dumb".equals(env.get("TERM")) && env.get("NO_COLOR") == null;
    }

    /** Colours on stdout ({@code -o jsonc}, {@code -o yamlc}): stdout is a terminal and {@code NO_COLOR} is unset. */
    public static boolean colourStdout() {
        return colourStdout(System.getenv(), isTerminal(STDOUT));
    }

    static boolean colourStdout(Map<String, String> env, boolean stdoutIsTerminal) {
        return stdoutIsTerminal && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
    }

    /** Whether azdp can ask a question: stdin is a terminal (the prompt itself goes to stderr). */
    public static boolean canPrompt() {
        return isTerminal(STDIN);
    }

    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            return isTerminalDevice(Files.readSymbolicLink(link).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
