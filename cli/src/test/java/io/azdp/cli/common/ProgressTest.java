package io.azdp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void plainModePrintsOneLinePerStateChange() {
        AtomicLong clock = new AtomicLong();
        StringWriter sink = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(sink), false, false, clock::get)) {
            p.update("operation", "Inprogress", Duration.ofSeconds(2));
            clock.addAndGet(Duration.ofSeconds(3).toNanos());
            p.update("operation", "Inprogress", Duration.ofSeconds(2));
            clock.addAndGet(Duration.ofSeconds(62).toNanos());
            p.update("operation", "Succeeded", null);
        }
        assertThat(sink.toString()).isEqualTo("operation: Inprogress, elapsed 0s, next poll in 2s\n"
                + "operation: Succeeded, elapsed 1m05s\n");
    }

    @Test
    void liveModeRewritesOneLine() {
        AtomicLong clock = new AtomicLong();
        StringWriter sink = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(sink), true, false, clock::get)) {
            p.update("job", "InProgress", null);
            p.update("job", "Completed", null);
        }
        assertThat(sink.toString()).isEqualTo("\rjob: InProgress, elapsed 0s\rjob: Completed, elapsed 0s \n");
    }

    @Test
    void aStatusWithControlCharactersIsShownEscapedNeverRaw() {
        // a server's status text: ESC [2J (clear screen), the 8-bit CSI U+009B, a bidi override and a bell
        String hostile = "In\u001b[2Jprogress\u009b2J\u202e\u0007";
        for (boolean live : new boolean[] {false, true}) {
            StringWriter sink = new StringWriter();
            try (Progress p = new Progress(new PrintWriter(sink), live, false, () -> 0L)) {
                p.update("job", hostile, null);
            }
            String out = sink.toString().replace("\r", "").replace("\n", "");
            assertThat(out).as("live=" + live).doesNotContain("\u001b").doesNotContain("\u009b")
                    .doesNotContain("\u202e").doesNotContain("\u0007")
                    .startsWith("job: In\\u001b[2Jprogress\\u009b2J\\u202e\\u0007, elapsed 0s");
        }
    }
}
