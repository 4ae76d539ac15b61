package io.azdp.cli.backup;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.output.ControlChars;
import io.azdp.cli.common.ErrorMapper;
import io.azdp.cli.common.ExitCode;
import io.azdp.cli.common.Redactor;
import io.azdp.cli.common.ResumeHint;
import io.azdp.cli.common.Terminal;
import io.azdp.cli.job.JobWaiter;
import io.azdp.cli.output.OutputMixin;
import io.azdp.client.MutinyDataProtectionClient;
import io.azdp.client.RequestIds;
import io.azdp.client.ThrottledResponse;
import io.azdp.client.error.NoJobToFollowException;
import io.azdp.client.error.OperationFailedException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.error.ThrottledException;
import io.azdp.client.lro.AdhocBackupPoller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the items of a bulk adhoc backup with at most {@code parallel} in flight (Mutiny {@code merge(parallel)}): the
 * client's pre-flight and POST, then (unless {@code --no-wait}) the operation and, with {@code --wait-for-job}, the
 * job. One NDJSON result line per item on stdout, a progress line and a summary on stderr.
 *
 * <p>Throttling: a 429 pauses the whole batch ({@link SharedBackoff}, never longer than {@code --max-throttle-wait})
 * and the item is sent again with the same request ids; a 429 whose Retry-After is longer than that makes the item
 * {@code Throttled} with its retry time, and the batch goes on. A 429 while polling polls again, never re-posts. Every
 * 429 the client receives is counted (the client's own retries included). An item whose POST was accepted is never
 * {@code Failed} because following it failed: it is {@code PollingFailed} with its resume token.
 */
final class BulkRun {
    static final String SUCCEEDED = "Succeeded";
    static final String STARTED = "Started";
    static final String FAILED = "Failed";
    static final String THROTTLED = "Throttled";
    static final String POLLING_FAILED = "PollingFailed";
    private static final int MAX_THROTTLED_RETRIES = 30;

    private final CliContext context;
    private final OutputMixin output;
    private final int parallel;
    private final boolean noWait;
    private final boolean waitForJob;
    private final Duration timeout;
    private final Duration maxThrottleWait;
    private final SharedBackoff backoff;
    private final AtomicInteger throttledResponses = new AtomicInteger();
    private final Map<String, AtomicInteger> throttledByCorrelation = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> latestRetryAt = new AtomicReference<>();
    private BulkLedger ledger;

    BulkRun(CliContext context, OutputMixin output, int parallel, boolean noWait, boolean waitForJob,
            Duration timeout, Duration maxThrottleWait) {
        this.context = context;
        this.output = output;
        this.parallel = parallel;
        this.noWait = noWait;
        this.waitForJob = waitForJob;
        this.timeout = timeout;
        this.maxThrottleWait = maxThrottleWait;
        this.backoff = new SharedBackoff(System::nanoTime, maxThrottleWait);
    }

    /** Counts in order of the summary line. */
    private static final class Tally {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();
        final AtomicInteger pollingFailed = new AtomicInteger();
        final AtomicInteger pollingTimedOut = new AtomicInteger();

        void add(BulkItemResult r) {
            done.incrementAndGet();
            switch (r.status()) {
                case SUCCEEDED, STARTED -> ok.incrementAndGet();
                case THROTTLED -> throttled.incrementAndGet();
                case POLLING_FAILED -> {
                    pollingFailed.incrementAndGet();
                    if (r.exitCode() == ExitCode.TIMEOUT.code()) {
                        pollingTimedOut.incrementAndGet();
                    }
                }
                default -> failed.incrementAndGet();
            }
        }

        int notOk() {
            return failed.get() + throttled.get() + pollingFailed.get();
        }
    }

    ExitCode run(List<BulkItem> items) {
        context.throttling(maxThrottleWait, this::onThrottled);
        MutinyDataProtectionClient client = context.client().mutiny();
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        Tally tally = new Tally();
        boolean quiet = context.quiet();
        boolean live = !quiet && Terminal.liveProgress();
        long start = System.nanoTime();
        ledger = new BulkLedger(items);
        try (ResumeHint hint = ResumeHint.computed(() -> interrupted(out))) {
            Multi.createFrom().iterable(items)
                    .onItem().transformToUni(item -> attempt(client, item, RequestIds.random(), 0))
                    .merge(parallel)
                    .onItem().invoke(result -> {
                        synchronized (out) {
                            // under the output's lock, so that an interrupt writes a line for exactly the others
                            ledger.finished(result.index());
                            output.printLine(out, result);
                        }
                        tally.add(result);
                        if (!quiet) {
                            progress(err, live, tally.done.get(), items.size(), tally.notOk(),
                                    throttledResponses.get(), start);
                        }
                    })
                    .collect().last().await().indefinitely();
        }
        if (live) {
            err.println();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (quiet) {
            return withQueryError(exitCode(tally), err);
        }
        err.printf(Locale.ROOT, "bulk: %d items, %d %s, %d failed, %d throttled, %d polling failed, "
                + "%d throttled responses (429), %.1fs%n", items.size(), tally.ok.get(),
                noWait ? "started" : "succeeded", tally.failed.get(), tally.throttled.get(), tally.pollingFailed.get(),
                throttledResponses.get(), seconds);
        if (tally.pollingFailed.get() > 0) {
            err.println("bulk: " + tally.pollingFailed.get() + " started but not followed to the end (status "
                    + POLLING_FAILED + "): do not run them again, that would start second backups; resume each with "
                    + context.followUp("azdp operation wait --resume-token TOKEN")
                    + " (TOKEN: the line's resumeToken)");
        }
        if (tally.throttled.get() > 0) {
            err.println("bulk: " + tally.throttled.get() + " not started, throttled (status " + THROTTLED
                    + "): the service asked to wait longer than --max-throttle-wait " + human(maxThrottleWait)
                    + "; run them again after " + latestRetryAt.get() + " (each line's retryAt)");
        }
        err.flush();
        return withQueryError(exitCode(tally), err);
    }

    /**
     * A --query that could not run on some lines (printed without it): one error line, and never exit 0 or 2, since
     * the service may have accepted those backups (issue 13).
     */
    private ExitCode withQueryError(ExitCode code, PrintWriter err) {
        var queryError = output.lineQueryError();
        if (queryError.isEmpty()) {
            return code;
        }
        err.println("error: " + ControlChars.escape(queryError.get())
                + " (the lines it does not fit are printed without --query)");
        err.flush();
        return code == ExitCode.SUCCESS ? ExitCode.THROTTLED_OR_UNAVAILABLE : code;
    }

    /**
     * Something to resume outranks something to retry later, which outranks failures: a started backup must never be
     * mistaken for one to send again.
     */
    private static ExitCode exitCode(Tally t) {
        if (t.pollingFailed.get() > 0) {
            return t.pollingTimedOut.get() == t.pollingFailed.get() ? ExitCode.TIMEOUT
                    : ExitCode.THROTTLED_OR_UNAVAILABLE;
        }
        if (t.throttled.get() > 0) {
            return ExitCode.THROTTLED_OR_UNAVAILABLE;
        }
        return t.failed.get() > 0 ? ExitCode.PARTIAL_FAILURE : ExitCode.SUCCESS;
    }

    private void onThrottled(ThrottledResponse response) {
        throttledResponses.incrementAndGet();
        if (response.correlationId() != null) {
            throttledByCorrelation.computeIfAbsent(response.correlationId(), k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    private int throttledOf(RequestIds ids) {
        AtomicInteger n = throttledByCorrelation.get(ids.correlationId());
        return n == null ? 0 : n.get();
    }

    /**
     * On Ctrl-C or SIGTERM: one NDJSON line (exit code 130) for every item that has none yet ({@code Started},
     * {@code InFlight} or {@code NotSent}, see {@link BulkLedger}); returns the hint for stderr.
     */
    private String interrupted(PrintWriter out) {
        synchronized (out) {
            BulkLedger.Interrupted i = ledger.interrupted();
            i.lines().forEach(line -> output.printLine(out, line));
            return ": nothing was cancelled on the service; every item without a result now has a line on stdout "
                    + "(exit code 130): " + i.started() + " Started (still running; resume each with "
                    + context.followUp("azdp operation wait --resume-token TOKEN") + "), " + i.inFlight()
                    + " InFlight (the service may have started them; check with azdp job list), " + i.notSent()
                    + " NotSent (never sent; run them again)";
        }
    }

    private static void progress(PrintWriter err, boolean live, int done, int total, int notOk, int throttled,
            long start) {
        String line = String.format(Locale.ROOT, "[%d/%d] %d not succeeded, %d throttled responses, %.1fs", done,
                total, notOk, throttled, (System.nanoTime() - start) / 1e9);
        synchronized (err) {
            if (live) {
                err.print("\r" + line);
                err.flush();
            } else if (done == total || done % Math.max(1, total / 10) == 0) {
                err.println(line);
                err.flush();
            }
        }
    }

    private Uni<Void> gate() {
        Duration wait = backoff.remaining();
        Uni<Void> now = Uni.createFrom().voidItem();
        return wait.isZero() ? now : now.onItem().delayIt().by(wait);
    }

    /** Pre-flight (the client's) and POST, sent again with the same ids (after the shared pause) while throttled. */
    private Uni<BulkItemResult> attempt(MutinyDataProtectionClient client, BulkItem item, RequestIds ids,
            int resends) {
        return gate()
                .invoke(() -> ledger.posting(item))
                .chain(() -> client.beginAdhocBackup(item.instance(), item.body(), ids))
                .invoke(poller -> {
                    ledger.started(item, poller);
                    backoff.succeeded();
                })
                .onFailure().invoke(() -> ledger.notPosting(item))
                .chain(poller -> noWait ? Uni.createFrom().item(() -> started(item, ids, poller))
                        .onFailure().recoverWithItem(e -> afterStart(item, ids, poller, e, null))
                        : follow(client, item, ids, poller, 0))
                .onFailure(ThrottledException.class).recoverWithUni(e -> {
                    Optional<Duration> retryAfter = ((ThrottledException) e).retryAfter();
                    if (backoff.beyondCap(retryAfter) || resends >= MAX_THROTTLED_RETRIES) {
                        return Uni.createFrom().item(throttled(item, ids, e, retryAfter));
                    }
                    backoff.throttled(retryAfter);
                    return attempt(client, item, ids, resends + 1);
                })
                .onFailure().recoverWithItem(e -> failure(item, ids, e));
    }

    /** Waits for a started operation; a 429 while polling pauses and polls again (never re-posts). */
    private Uni<BulkItemResult> follow(MutinyDataProtectionClient client, BulkItem item, RequestIds ids,
            AdhocBackupPoller poller, int repolls) {
        return gate().chain(() -> poller.waitForCompletionAsync(timeout))
                .chain(info -> {
                    if (waitForJob) {
                        return followJob(client, item, ids, poller);
                    }
                    TriggerResult r = TriggerResult.of(poller, info);
                    return Uni.createFrom().item(new BulkItemResult(item.index(), item.source(),
                            item.instance().toString(), SUCCEEDED, 0, r.jobResourceId(), null,
                            poller.state().operationId(), null, null, throttledOf(ids), null));
                })
                .onFailure(ThrottledException.class).recoverWithUni(e -> {
                    Optional<Duration> retryAfter = ((ThrottledException) e).retryAfter();
                    if (backoff.beyondCap(retryAfter) || repolls >= MAX_THROTTLED_RETRIES) {
                        return Uni.createFrom().item(afterStart(item, ids, poller, e, retryAt(retryAfter)));
                    }
                    backoff.throttled(retryAfter);
                    return follow(client, item, ids, poller, repolls + 1);
                })
                .onFailure().recoverWithItem(e -> afterStart(item, ids, poller, e, null));
    }

    /** --wait-for-job: the item's outcome is its backup job's (exit 7 when the job failed or was cancelled). */
    private Uni<BulkItemResult> followJob(MutinyDataProtectionClient client, BulkItem item, RequestIds ids,
            AdhocBackupPoller poller) {
        return client.waitForJob(poller, timeout, null).map(j -> {
            String failure = JobWaiter.failure(j);
            String jobStatus = j.properties() == null || j.properties().status() == null ? null
                    : j.properties().status().value();
            return new BulkItemResult(item.index(), item.source(), item.instance().toString(),
                    failure == null ? SUCCEEDED : FAILED,
                    failure == null ? 0 : ExitCode.OPERATION_FAILED.code(),
                    poller.job().map(Object::toString).orElse(j.id()), jobStatus,
                    poller.state().operationId(), null, failure, throttledOf(ids), null);
        });
    }

    private BulkItemResult started(BulkItem item, RequestIds ids, AdhocBackupPoller poller) {
        StartedOperation s = StartedOperation.of(poller, item.instance());
        return new BulkItemResult(item.index(), item.source(), item.instance().toString(), STARTED, 0, s.jobId(),
                null, s.operationId(), s.resumeToken(), null, throttledOf(ids), null);
    }

    /** Nothing was started: the service throttled the item for longer than the run pauses. */
    private BulkItemResult throttled(BulkItem item, RequestIds ids, Throwable e, Optional<Duration> retryAfter) {
        Instant at = retryAt(retryAfter.or(() -> Optional.of(backoff.remaining())));
        return new BulkItemResult(item.index(), item.source(), item.instance().toString(), THROTTLED,
                ExitCode.THROTTLED_OR_UNAVAILABLE.code(), null, null, null, null,
                Redactor.redact(ErrorMapper.message(e)) + "; not started, run it again after " + at,
                throttledOf(ids), at.toString());
    }

    /**
     * The POST was accepted, then following it failed. Only an operation that ended Failed/Canceled (or, with
     * --wait-for-job, named no job) is {@code Failed}; anything else is {@code PollingFailed} with the resume token
     * and a service-class exit code, because the backup may well be running.
     */
    private BulkItemResult afterStart(BulkItem item, RequestIds ids, AdhocBackupPoller poller, Throwable e,
            Instant retryAt) {
        Throwable cause = e;
        String token = poller.resumeTokenIfAny().orElse(null);
        String jobId = poller.job().map(Object::toString).orElse(null);
        String message = Redactor.redact(ErrorMapper.message(cause));
        if (cause instanceof OperationFailedException || cause instanceof NoJobToFollowException) {
            return new BulkItemResult(item.index(), item.source(), item.instance().toString(), FAILED,
                    ExitCode.OPERATION_FAILED.code(), jobId, null, poller.state().operationId(), token, message,
                    throttledOf(ids), null);
        }
        int code = ErrorMapper.exitCode(cause).code();
        if (code < ExitCode.SERVICE_REJECTED.code() || code > ExitCode.TIMEOUT.code()) {
            code = ExitCode.THROTTLED_OR_UNAVAILABLE.code();
        }
        String hint = cause instanceof OperationTimeoutException ? "; it keeps running" : "";
        return new BulkItemResult(item.index(), item.source(), item.instance().toString(), POLLING_FAILED, code,
                jobId, null, poller.state().operationId(), token,
                "started, but following it failed: " + message + hint + "; resume with the resumeToken, do not "
                        + "send it again",
                throttledOf(ids), retryAt == null ? null : retryAt.toString());
    }

    /** Nothing was started (refused by the pre-flight or the service, or the POST could not be sent). */
    private BulkItemResult failure(BulkItem item, RequestIds ids, Throwable e) {
        ExitCode code = ErrorMapper.exitCode(e);
        return new BulkItemResult(item.index(), item.source(), item.instance().toString(), FAILED, code.code(), null,
                null, null, null, Redactor.redact(ErrorMapper.message(e)), throttledOf(ids), null);
    }

    private Instant retryAt(Optional<Duration> retryAfter) {
        Instant at = Instant.now().plus(retryAfter.orElse(Duration.ZERO)).truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(retryAfter.isPresent() ? 1 : 0);
        latestRetryAt.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
        return at;
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
