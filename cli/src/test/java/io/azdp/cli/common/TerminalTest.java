package io.azdp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void liveProgressNeedsATerminalStderrAndNoDumbTermOrNoColor() {
        assertThat(Terminal.liveProgress(Map.of("TERM", "xterm-256color"), true)).isTrue();
        assertThat(Terminal.liveProgress(Map.of(), true)).isTrue();
        assertThat(Terminal.liveProgress(Map.of("TERM", "xterm"), false)).isFalse();
        assertThat(Terminal.liveProgress(Map.of("TERM", "dumb"), true)).isFalse();
        // NO_COLOR counts when set at all, even empty (no-color.org)
        assertThat(Terminal.liveProgress(Map.of("NO_COLOR", ""), true)).isFalse();
    }

    @Test
    void colourNeedsATerminalStdoutAndNoNoColor() {
        assertThat(Terminal.colourStdout(Map.of("TERM", "xterm"), true)).isTrue();
        assertThat(Terminal.colourStdout(Map.of("TERM", "xterm"), false)).isFalse();
        assertThat(Terminal.colourStdout(Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(Terminal.colourStdout(Map.of("NO_COLOR", ""), true)).isFalse();
        assertThat(Terminal.colourStdout(Map.of("TERM", "dumb"), true)).isFalse();
    }

    @Test
    void terminalDevicesAreRecognisedAndFilesAndPipesAreNot() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/console")).isTrue();
        assertThat(Terminal.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/tmp/azdp.log")).isFalse();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
    }

    @Test
    void underMavenNeitherStdinNorStderrIsATerminal() {
        // surefire runs the tests with pipes, never a terminal: the /proc answer must say so
        assertThat(Terminal.isTerminal(2)).isFalse();
    }
}
