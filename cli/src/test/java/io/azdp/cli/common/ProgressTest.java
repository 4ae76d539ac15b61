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
}
