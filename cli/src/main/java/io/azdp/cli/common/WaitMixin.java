package io.azdp.cli.common;

import io.azdp.client.ClientSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long to wait and how to show progress. */
public class WaitMixin {

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Give up waiting after this long (e.g. 90s, 10m, 2h, PT5M; default: ${DEFAULT-VALUE}; more than zero); exit 8.")
    String timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION",
            description = "First wait between polls when the service gives no Retry-After; it grows by half per poll "
                    + "up to 30s (default: 2s, for operations and jobs; more than zero, at least 1s: less is raised to 1s with a "
                    + "warning; env AZDP_POLL_INTERVAL).")
    String pollInterval;

    /** As given; the client parses it (and names {@code --poll-interval} if it is bad). */
    public String pollInterval() {
        return pollInterval;
    }

    public Duration timeout() {
        return ClientSettings.parsePositiveDuration("--timeout", timeout);
    }
}
