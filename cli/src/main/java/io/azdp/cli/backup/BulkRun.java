package io.azdp.cli.backup;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.ErrorMapper;
import io.azdp.cli.common.ExitCode;
import io.azdp.cli.common.Redactor;
import io.azdp.cli.common.ResumeHint;
import io.azdp.cli.common.Terminal;
import io.azdp.cli.job.JobWaiter;
import io.azdp.cli.output.OutputMixin;
import io.azdp.client.MutinyDataProtectionClient;
import io.azdp.client.error.ThrottledException;
import io.azdp.client.lro.AdhocBackupPoller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the items of a bulk adhoc backup with at most {@code parallel} in flight (Mutiny {@code merge(parallel)}): the
 * client's pre-flight and POST, then (unless {@code --no-wait}) the operation and, with {@code --wait-for-job}, the
 * job. One NDJSON result line per item on stdout, a progress line and a summary on stderr. A 429 pauses the whole batch
 * ({@link SharedBackoff}) and the item is retried; a 429 while polling polls again, never re-posts.
 */
final class BulkRun {
    private static final int MAX_THROTTLED_RETRIES = 30;

    private final CliContext context;
    private final OutputMixin output;
    private final int parallel;
    private final boolean noWait;
    private final boolean waitForJob;
    private final Duration timeout;
    private final SharedBackoff backoff = new SharedBackoff(System::nanoTime);
    private BulkLedger ledger;

    BulkRun(CliContext context, OutputMixin output, int parallel, boolean noWait, boolean waitForJob,
            Duration timeout) {
        this.context = context;
        this.output = output;
        this.parallel = parallel;
        this.noWait = noWait;
        this.waitForJob = waitForJob;
        this.timeout = timeout;
    }

    ExitCode run(List<BulkItem> items) {
        MutinyDataProtectionClient client = context.client().mutiny();
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        boolean quiet = context.quiet();
        boolean live = !quiet && Terminal.liveProgress();
        long start = System.nanoTime();
        ledger = new BulkLedger(items);
        try (ResumeHint hint = ResumeHint.computed(() -> interrupted(out))) {
            Multi.createFrom().iterable(items)
                    .onItem().transformToUni(item -> attempt(client, item, 0))
                    .merge(parallel)
                    .onItem().invoke(result -> {
                        synchronized (out) {
                            // under the output's lock, so that an interrupt writes a line for exactly the others
                            ledger.finished(result.index());
                            output.printLine(out, result);
                        }
                        int n = done.incrementAndGet();
                        if (result.exitCode() != 0) {
                            failed.incrementAndGet();
                        }
                        if (!quiet) {
                            progress(err, live, n, items.size(), failed.get(), backoff.hits(), start);
                        }
                    })
                    .collect().last().await().indefinitely();
        }
        if (live) {
            err.println();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (quiet) {
            return failed.get() == 0 ? ExitCode.SUCCESS : ExitCode.PARTIAL_FAILURE;
        }
        err.printf(Locale.ROOT, "bulk: %d items, %d %s, %d failed, %d throttled responses, %.1fs%n", items.size(),
                items.size() - failed.get(), noWait ? "started" : "succeeded", failed.get(), backoff.hits(), seconds);
        err.flush();
        return failed.get() == 0 ? ExitCode.SUCCESS : ExitCode.PARTIAL_FAILURE;
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

    private static void progress(PrintWriter err, boolean live, int done, int total, int failed, int throttled,
            long start) {
        String line = String.format(Locale.ROOT, "[%d/%d] %d failed, %d throttled, %.1fs", done, total, failed,
                throttled, (System.nanoTime() - start) / 1e9);
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

    /** Pre-flight (the client's) and POST, retried (after the shared pause) while throttled. */
    private Uni<BulkItemResult> attempt(MutinyDataProtectionClient client, BulkItem item, int throttled) {
        return gate()
                .invoke(() -> ledger.posting(item))
                .chain(() -> client.beginAdhocBackup(item.instance(), item.body()))
                .invoke(poller -> {
                    ledger.started(item, poller);
                    backoff.succeeded();
                })
                .onFailure().invoke(() -> ledger.notPosting(item))
                .chain(poller -> noWait ? Uni.createFrom().item(started(item, poller, throttled))
                        : follow(client, item, poller, throttled))
                .onFailure(ThrottledException.class).recoverWithUni(e -> {
                    if (throttled >= MAX_THROTTLED_RETRIES) {
                        return Uni.createFrom().item(failure(item, e, throttled + 1, null));
                    }
                    backoff.throttled(e.retryAfter());
                    return attempt(client, item, throttled + 1);
                })
                .onFailure().recoverWithItem(e -> failure(item, e, throttled, null));
    }

    /** Waits for a started operation; a 429 while polling pauses and polls again (never re-posts). */
    private Uni<BulkItemResult> follow(MutinyDataProtectionClient client, BulkItem item, AdhocBackupPoller poller,
            int throttled) {
        return gate().chain(() -> poller.waitForCompletionAsync(timeout))
                .chain(info -> {
                    if (waitForJob) {
                        return followJob(client, item, poller, throttled);
                    }
                    TriggerResult r = TriggerResult.of(poller, info);
                    return Uni.createFrom().item(new BulkItemResult(item.index(), item.source(),
                            item.instance().toString(), "Succeeded", 0, r.jobResourceId(), null,
                            poller.state().operationId(), null, null, throttled));
                })
                .onFailure(ThrottledException.class).recoverWithUni(e -> {
                    if (throttled >= MAX_THROTTLED_RETRIES) {
                        return Uni.createFrom().item(failure(item, e, throttled + 1, poller));
                    }
                    backoff.throttled(e.retryAfter());
                    return follow(client, item, poller, throttled + 1);
                })
                .onFailure().recoverWithItem(e -> failure(item, e, throttled, poller));
    }

    /** --wait-for-job: the item's outcome is its backup job's (exit 7 when the job failed or was cancelled). */
    private Uni<BulkItemResult> followJob(MutinyDataProtectionClient client, BulkItem item, AdhocBackupPoller poller,
            int throttled) {
        return client.waitForJob(poller, timeout, null).map(j -> {
            String failure = JobWaiter.failure(j);
            String jobStatus = j.properties() == null || j.properties().status() == null ? null
                    : j.properties().status().value();
            return new BulkItemResult(item.index(), item.source(), item.instance().toString(),
                    failure == null ? "Succeeded" : "Failed",
                    failure == null ? 0 : ExitCode.OPERATION_FAILED.code(),
                    poller.job().map(Object::toString).orElse(j.id()), jobStatus,
                    poller.state().operationId(), null, failure, throttled);
        });
    }

    private static BulkItemResult started(BulkItem item, AdhocBackupPoller poller, int throttled) {
        StartedOperation s = StartedOperation.of(poller, item.instance());
        return new BulkItemResult(item.index(), item.source(), item.instance().toString(), "Started", 0, s.jobId(),
                null, s.operationId(), s.resumeToken(), null, throttled);
    }

    private static BulkItemResult failure(BulkItem item, Throwable e, int throttled, AdhocBackupPoller poller) {
        ExitCode code = ErrorMapper.exitCode(e);
        String token = poller == null ? null : poller.resumeTokenIfAny().orElse(null);
        return new BulkItemResult(item.index(), item.source(), item.instance().toString(), "Failed", code.code(), null,
                null, poller == null ? null : poller.state().operationId(), token,
                Redactor.redact(ErrorMapper.message(e)), throttled);
    }
}
