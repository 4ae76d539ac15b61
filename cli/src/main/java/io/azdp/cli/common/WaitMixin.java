package io.azdp.cli.common;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long to wait and how to show progress. */
public class WaitMixin {

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Give up waiting after this long (e.g. 90s, 10m, 2h, PT5M; default: ${DEFAULT-VALUE}); exit 8.")
    String timeout;

    public Duration timeout() {
        return Durations.parse("--timeout", timeout);
    }
}
