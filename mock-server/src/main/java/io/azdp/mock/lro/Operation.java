package io.azdp.mock.lro;

import io.azdp.mock.inventory.InstanceEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One adhoc-backup long-running operation. It ends either after {@code duration} of clock time or, when the scenario
 * says {@code polls=N}, after N status/result polls answered "running". Thread-safe.
 */
public final class Operation {

    private final String id;
    private final InstanceEntry instance;
    private final String location;
    private final BackupJob job;
    private final Instant start;
    private final Duration duration;
    private final Scenario scenario;
    private final String apiVersion;
    private final AtomicInteger pollCount = new AtomicInteger();
    private volatile Instant terminalAt;
    /** Polls that arrived (any scope, status or result URL), for the journal's polling etiquette. */
    private final AtomicInteger arrivals = new AtomicInteger();
    /** Real time (System.nanoTime) of the last answer about this operation: the 202, then each poll's. */
    private volatile long lastAnswerNanos = System.nanoTime();
    /** Retry-After seconds the last answer asked for; 0: none. */
    private volatile int lastRetryAfter;

    public Operation(String id, InstanceEntry instance, String location, BackupJob job, Instant start,
            Duration duration, Scenario scenario, String apiVersion) {
        this.id = id;
        this.instance = instance;
        this.location = location;
        this.job = job;
        this.start = start;
        this.duration = duration;
        this.scenario = scenario;
        this.apiVersion = apiVersion;
    }

    /** A view of the operation as one poll sees it. */
    public record Snapshot(boolean done, String status, Instant endTime) {
    }

    /** Counts one poll and answers what it sees. */
    public Snapshot poll(Instant now) {
        if (scenario.polls() != null) {
            int n = pollCount.incrementAndGet();
            if (n > scenario.polls()) {
                return terminal(now);
            }
            return running();
        }
        pollCount.incrementAndGet();
        return peek(now);
    }

    /** The current state without counting a poll. */
    public Snapshot peek(Instant now) {
        if (scenario.polls() != null) {
            return pollCount.get() > scenario.polls() ? terminal(now) : running();
        }
        Instant end = start.plus(duration);
        if (now.isBefore(end)) {
            return running();
        }
        terminalAt = end;
        return new Snapshot(true, scenario.outcomeOrDefault(), end);
    }

    private Snapshot terminal(Instant now) {
        Instant t = terminalAt;
        if (t == null) {
            synchronized (this) {
                if (terminalAt == null) {
                    terminalAt = now;
                }
                t = terminalAt;
            }
        }
        return new Snapshot(true, scenario.outcomeOrDefault(), t);
    }

    private Snapshot running() {
        return new Snapshot(false, scenario.runningStatus(), null);
    }

    /**
     * How a poll arriving now relates to the previous answer about this operation, in real time (the virtual clock
     * does not move while a client waits): its number (1 = the first poll after the 202), the milliseconds since that
     * answer, the Retry-After seconds it asked for and by how many milliseconds the poll came too early (0: on time).
     */
    public record PollTiming(int number, long afterMs, int retryAfter, long earlyMs) {
    }

    /** Counts a poll arriving now and measures it against the previous answer (see {@link PollTiming}). */
    public PollTiming arrive() {
        long after = (System.nanoTime() - lastAnswerNanos) / 1_000_000L;
        int asked = lastRetryAfter;
        return new PollTiming(arrivals.incrementAndGet(), after, asked, Math.max(0, asked * 1000L - after));
    }

    /** Records that the answer just built asked the caller to wait {@code seconds} (0 or less: no wait). */
    public void answered(int seconds) {
        lastRetryAfter = Math.max(seconds, 0);
        lastAnswerNanos = System.nanoTime();
    }

    /**
     * Epoch millis (emulator clock) at which the operation is terminal: start + duration, or, when the scenario counts
     * polls, the instant of the poll that ended it ({@link Long#MAX_VALUE} until then).
     */
    public long doneAtMillis() {
        if (scenario.polls() != null) {
            Instant t = terminalAt;
            return t == null ? Long.MAX_VALUE : t.toEpochMilli();
        }
        return BackupJob.endMillis(start, duration);
    }

    public String id() {
        return id;
    }

    public InstanceEntry instance() {
        return instance;
    }

    public String location() {
        return location;
    }

    /** The job this operation started; null when the scenario makes the operation fail or be canceled. */
    public BackupJob job() {
        return job;
    }

    public Instant start() {
        return start;
    }

    public Scenario scenario() {
        return scenario;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public int pollCount() {
        return pollCount.get();
    }
}
