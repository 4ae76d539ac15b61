package io.azdp.cli.common;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long to wait and how to show progress. */
public class WaitMixin {

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Give up waiting after this long (e.g. 90s, 10m, 2h, PT5M; default: ${DEFAULT-VALUE}); exit 8.")
    String timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION",
            description = "First wait between polls when the service gives no Retry-After; it grows by half per poll "
                    + "up to 30s (default: 2s, for operations and jobs; env AZDP_POLL_INTERVAL).")
    String pollInterval;

    public Duration pollInterval() {
        return pollInterval == null ? null : Durations.parse("--poll-interval", pollInterval);
    }

    public Duration timeout() {
        return Durations.parse("--timeout", timeout);
    }
}
