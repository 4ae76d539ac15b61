package io.azdp.cli.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azdp.cli.ExitCode;
import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.ErrorMapper;
import io.azdp.cli.common.OutputMixin;
import io.azdp.cli.common.Redactor;
import io.azdp.cli.common.ResumeHint;
import io.azdp.cli.common.Terminal;
import io.azdp.cli.input.InputException;
import io.azdp.cli.input.InputFormats;
import io.azdp.cli.input.InputRecord;
import io.azdp.cli.input.InputSource;
import io.azdp.cli.job.JobWaiter;
import io.azdp.client.AdhocBackupPoller;
import io.azdp.client.MutinyDataProtectionClient;
import io.azdp.client.error.ThrottledException;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.ValidationException;
import io.azdp.model.id.ArmNames;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.id.BackupPolicyId;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.policy.AdhocBackupOptions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk adhoc backups: every item is validated before anything is sent, then triggered with at most {@code parallel} in
 * flight (Mutiny {@code merge(parallel)} over a worker pool), one NDJSON result line per item on stdout, a progress line
 * and a summary on stderr. A 429 pauses the whole batch ({@link SharedBackoff}) and the item is retried.
 */
final class BulkBackup {
    private static final int MAX_THROTTLED_RETRIES = 30;
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        alias("id", "id", "backupinstanceid", "inputobject", "resourceid");
        alias("subscriptionId", "subscriptionid", "subscription");
        alias("resourceGroupName", "resourcegroupname", "resourcegroup", "g");
        alias("vaultName", "vaultname", "vault", "v");
        alias("vaultId", "vaultid", "backupvaultinputobject", "backupvaultid");
        alias("backupInstanceName", "backupinstancename", "instancename", "name", "n");
        alias("ruleName", "rulename", "backupruleoptionrulename", "rule");
        alias("retentionTagOverride", "retentiontagoverride", "triggeroptionretentiontagoverride", "retentiontag", "tag");
        alias("backupRuleOptions", "backupruleoptions");
    }

    private static void alias(String canonical, String... names) {
        for (String n : names) {
            FIELDS.put(n, canonical);
        }
    }

    private final CliContext context;
    private final InputFormats formats;
    private final OutputMixin output;
    private final int parallel;
    private final boolean noWait;
    private final boolean waitForJob;
    private final boolean preflight;
    private final Duration timeout;
    private final Map<String, Uni<AdhocBackupOptions>> policyOptions = new ConcurrentHashMap<>();

    BulkBackup(CliContext context, InputFormats formats, OutputMixin output, int parallel, boolean noWait,
            boolean waitForJob, boolean preflight, Duration timeout) {
        this.context = context;
        this.formats = formats;
        this.output = output;
        this.parallel = parallel;
        this.noWait = noWait;
        this.waitForJob = waitForJob;
        this.preflight = preflight;
        this.timeout = timeout;
    }

    List<BulkItem> itemsFromFile(String path, String format, TriggerBackupRequest defaults) {
        InputSource source = InputSource.read("--from-file", path, System.in);
        List<InputRecord> records = formats.readRecords(format, source);
        if (records.isEmpty()) {
            throw new InputException(source.name(), null, "expected at least one backup instance, found none");
        }
        List<BulkItem> items = new ArrayList<>(records.size());
        for (InputRecord r : records) {
            items.add(item(items.size() + 1, r.location(), r.fields(), defaults));
        }
        return items;
    }

    List<BulkItem> itemsFromIds(List<String> ids, TriggerBackupRequest defaults) {
        List<BulkItem> items = new ArrayList<>();
        int flagIndex = 0;
        for (String id : ids) {
            flagIndex++;
            if ("-".equals(id.strip())) {
                InputSource stdin = InputSource.read("--id", "-", System.in);
                List<String> lines = stdin.text().lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        items.add(item(items.size() + 1, stdin.at(i + 1), idNode(line), defaults));
                    }
                }
            } else {
                items.add(item(items.size() + 1, "--id[" + flagIndex + "]", idNode(id.strip()), defaults));
            }
        }
        if (items.isEmpty()) {
            throw new InputException("--id", null, "expected at least one backup instance id, found none");
        }
        return items;
    }

    private static JsonNode idNode(String id) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        return node;
    }

    private BulkItem item(int index, String location, JsonNode fields, TriggerBackupRequest defaults) {
        Map<String, JsonNode> row = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            String key = e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            String canonical = FIELDS.get(key);
            if (canonical == null) {
                throw new InputException(location, e.getKey(), "unknown field; expected id, or resourceGroupName + "
                        + "vaultName (or vaultId) + backupInstanceName, optional subscriptionId, ruleName, "
                        + "retentionTagOverride");
            }
            if (!e.getValue().isNull()) {
                row.put(canonical, e.getValue());
            }
        }
        BackupInstanceId instance;
        try {
            if (row.containsKey("id")) {
                instance = BackupInstanceId.parse(text(location, row, "id"));
            } else if (row.containsKey("vaultId")) {
                BackupVaultId vault = BackupVaultId.parse(text(location, row, "vaultId"));
                instance = vault.instance(ArmNames.requireBackupInstanceName(required(location, row, "backupInstanceName")));
            } else {
                String sub = row.containsKey("subscriptionId") ? text(location, row, "subscriptionId")
                        : context.settings().subscriptionId();
                if (sub == null) {
                    throw new InputException(location, "subscriptionId",
                            "expected a subscriptionId column or --subscription-id / AZURE_SUBSCRIPTION_ID");
                }
                String rg = required(location, row, "resourceGroupName");
                String vault = required(location, row, "vaultName");
                String name = required(location, row, "backupInstanceName");
                ArmNames.requireSubscriptionId(sub);
                ArmNames.requireResourceGroupName(rg);
                ArmNames.requireVaultName(vault);
                ArmNames.requireBackupInstanceName(name);
                instance = BackupInstanceId.of(sub, rg, vault, name);
            }
        } catch (InputException e) {
            throw e;
        } catch (ValidationException e) {
            throw new InputException(location, null, e.getMessage());
        }
        TriggerBackupRequest body;
        if (row.containsKey("backupRuleOptions")) {
            ObjectNode whole = JsonNodeFactory.instance.objectNode();
            whole.set("backupRuleOptions", row.get("backupRuleOptions"));
            body = formats.toTriggerRequest(location, whole);
        } else if (row.containsKey("ruleName")) {
            String rule = text(location, row, "ruleName");
            String tag = row.containsKey("retentionTagOverride") ? text(location, row, "retentionTagOverride") : null;
            body = TriggerBackupRequest.of(rule, tag);
        } else if (defaults != null) {
            body = row.containsKey("retentionTagOverride")
                    ? TriggerBackupRequest.of(defaults.backupRuleOptions().ruleName(),
                            text(location, row, "retentionTagOverride"))
                    : defaults;
        } else {
            throw new InputException(location, "ruleName", "expected a ruleName in the row or --rule-name for all rows");
        }
        return new BulkItem(index, location, instance, body);
    }

    private static String required(String location, Map<String, JsonNode> row, String field) {
        if (!row.containsKey(field)) {
            throw new InputException(location, field, "expected a value (or give the instance's full id in 'id')");
        }
        return text(location, row, field);
    }

    private static String text(String location, Map<String, JsonNode> row, String field) {
        JsonNode v = row.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new InputException(location, field, "expected a non-empty string");
        }
        return v.asText().strip();
    }

    ExitCode run(List<BulkItem> items) {
        MutinyDataProtectionClient client = context.client().mutiny();
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        SharedBackoff backoff = new SharedBackoff(System::nanoTime);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        boolean live = Terminal.liveProgress();
        long start = System.nanoTime();
        items.forEach(item -> unfinished.put(item.index(), item));
        try (ResumeHint hint = ResumeHint.computed(() -> interrupted(out))) {
            Multi.createFrom().iterable(items)
                    .onItem().transformToUni(item -> attempt(client, item, backoff, 0))
                    .merge(parallel)
                    .onItem().invoke(result -> {
                        synchronized (out) {
                            // under the output's lock, so that an interrupt writes a line for exactly the others
                            finished(result.index());
                            output.printLine(out, result);
                        }
                        int n = done.incrementAndGet();
                        if (result.exitCode() != 0) {
                            failed.incrementAndGet();
                        }
                        progress(err, live, n, items.size(), failed.get(), backoff.hits(), start);
                    })
                    .collect().last().await().indefinitely();
        }
        if (live) {
            err.println();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf(Locale.ROOT, "bulk: %d items, %d %s, %d failed, %d throttled responses, %.1fs%n", items.size(),
                items.size() - failed.get(), noWait ? "started" : "succeeded", failed.get(), backoff.hits(), seconds);
        err.flush();
        return failed.get() == 0 ? ExitCode.SUCCESS : ExitCode.PARTIAL_FAILURE;
    }

    /** Items without an output line yet, by index; and, among them, the POSTs in flight and the started ones. */
    private final Map<Integer, BulkItem> unfinished = new ConcurrentHashMap<>();
    private final Set<Integer> posting = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AdhocBackupPoller> startedPollers = new ConcurrentHashMap<>();

    private void finished(int index) {
        unfinished.remove(index);
        posting.remove(index);
        startedPollers.remove(index);
    }

    /**
     * On Ctrl-C or SIGTERM: one NDJSON line (exit code 130) for every item that has none yet, so that the output
     * still accounts for every row: {@code Started} (running on the service; resume with its token),
     * {@code InFlight} (its POST was under way: the service may have started it) or {@code NotSent}. Returns the
     * hint for stderr.
     */
    private String interrupted(PrintWriter out) {
        synchronized (out) {
            return interruptedLocked(out);
        }
    }

    private String interruptedLocked(PrintWriter out) {
        int started = 0;
        int inFlight = 0;
        int notSent = 0;
        for (BulkItem item : new java.util.TreeMap<>(unfinished).values()) {
            AdhocBackupPoller poller = startedPollers.get(item.index());
            BulkItemResult line;
            if (poller != null) {
                started++;
                line = interruptedLine(item, "Started", poller.state().operationId(), tokenOf(poller));
            } else if (posting.contains(item.index())) {
                inFlight++;
                line = interruptedLine(item, "InFlight", null, null);
            } else {
                notSent++;
                line = interruptedLine(item, "NotSent", null, null);
            }
            output.printLine(out, line);
        }
        return ": nothing was cancelled on the service; every item without a result now has a line on stdout (exit "
                + "code 130): " + started + " Started (still running; resume each with "
                + context.followUp("azdp operation wait --resume-token TOKEN") + "), " + inFlight
                + " InFlight (the service may have started them; check with azdp job list), " + notSent
                + " NotSent (never sent; run them again)";
    }

    private static BulkItemResult interruptedLine(BulkItem item, String status, String operationId, String token) {
        return new BulkItemResult(item.index(), item.source(), item.instance().toString(), status,
                ExitCode.INTERRUPTED.code(), null, null, operationId, token, "interrupted", 0);
    }

    private static String tokenOf(AdhocBackupPoller poller) {
        try {
            return poller.resumeToken();
        } catch (RuntimeException e) {
            return null; // completed synchronously: nothing to resume
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

    private static Uni<Void> gate(SharedBackoff backoff) {
        Duration wait = backoff.remaining();
        Uni<Void> now = Uni.createFrom().voidItem();
        return wait.isZero() ? now : now.onItem().delayIt().by(wait);
    }

    /** Pre-flight and POST, retried (after the shared pause) while throttled. */
    private Uni<BulkItemResult> attempt(MutinyDataProtectionClient client, BulkItem item, SharedBackoff backoff,
            int throttled) {
        return gate(backoff)
                .chain(() -> preflight ? optionsFor(client, item.instance())
                        .invoke(options -> Preflight.check(options, item.body())).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .invoke(() -> posting.add(item.index()))
                .chain(() -> client.beginAdhocBackup(item.instance(), item.body()))
                .invoke(poller -> {
                    startedPollers.put(item.index(), poller);
                    posting.remove(item.index());
                    backoff.succeeded();
                })
                .onFailure().invoke(() -> posting.remove(item.index()))
                .chain(poller -> noWait ? Uni.createFrom().item(started(item, poller, throttled))
                        : follow(item, poller, backoff, throttled))
                .onFailure(ThrottledException.class).recoverWithUni(e -> {
                    if (throttled >= MAX_THROTTLED_RETRIES) {
                        return Uni.createFrom().item(failure(item, e, throttled + 1, null));
                    }
                    backoff.throttled(e.retryAfter());
                    return attempt(client, item, backoff, throttled + 1);
                })
                .onFailure().recoverWithItem(e -> failure(item, e, throttled, null));
    }

    /** Waits for a started operation; a 429 while polling pauses and polls again (never re-posts). */
    private Uni<BulkItemResult> follow(BulkItem item, AdhocBackupPoller poller, SharedBackoff backoff, int throttled) {
        return gate(backoff).chain(() -> poller.waitForCompletionAsync(timeout))
                .chain(info -> {
                    if (waitForJob) {
                        return followJob(item, poller, JobWaiter.jobToFollow(context, info, item.instance().vault()),
                                throttled);
                    }
                    TriggerResult r = TriggerResult.of(info, item.instance().vault());
                    return Uni.createFrom().item(new BulkItemResult(item.index(), item.source(),
                            item.instance().toString(), "Succeeded", 0, r.jobResourceId(), null,
                            poller.state().operationId(), null, null, throttled));
                })
                .onFailure(ThrottledException.class).recoverWithUni(e -> {
                    if (throttled >= MAX_THROTTLED_RETRIES) {
                        return Uni.createFrom().item(failure(item, e, throttled + 1, poller));
                    }
                    backoff.throttled(e.retryAfter());
                    return follow(item, poller, backoff, throttled + 1);
                })
                .onFailure().recoverWithItem(e -> failure(item, e, throttled, poller));
    }

    /** --wait-for-job: the item's outcome is its backup job's (exit 7 when the job failed or was cancelled). */
    private Uni<BulkItemResult> followJob(BulkItem item, AdhocBackupPoller poller, BackupJobId job, int throttled) {
        return context.client().mutiny().waitForJob(job, timeout, null).map(j -> {
            String failure = JobWaiter.failure(j);
            String jobStatus = j.properties() == null || j.properties().status() == null ? null
                    : j.properties().status().value();
            return new BulkItemResult(item.index(), item.source(), item.instance().toString(),
                    failure == null ? "Succeeded" : "Failed",
                    failure == null ? 0 : ExitCode.OPERATION_FAILED.code(), job.toString(), jobStatus,
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
        String token = poller == null ? null : tokenOf(poller);
        return new BulkItemResult(item.index(), item.source(), item.instance().toString(), "Failed", code.code(), null,
                null, poller == null ? null : poller.state().operationId(), token, Redactor.redact(ErrorMapper.message(e)),
                throttled);
    }

    private Uni<AdhocBackupOptions> optionsFor(MutinyDataProtectionClient client, BackupInstanceId instance) {
        return client.getBackupInstance(instance).chain(resource -> {
            if (resource.properties() != null && !resource.properties().allowsAdhocBackup()) {
                // a pre-flight refusal, exit 2 like the single-instance path: nothing was sent
                return Uni.createFrom().failure(CliException.usage(instance
                        + ": protection state '" + resource.properties().currentProtectionState()
                        + "' does not allow an adhoc backup"));
            }
            String policyId = resource.properties() == null || resource.properties().policyInfo() == null ? null
                    : resource.properties().policyInfo().policyId();
            if (policyId == null) {
                return client.adhocBackupOptions(instance);
            }
            return policyOptions.computeIfAbsent(policyId.toLowerCase(Locale.ROOT),
                    k -> client.getBackupPolicy(BackupPolicyId.parse(policyId)).map(AdhocBackupOptions::from)
                            .onFailure().invoke(e -> policyOptions.remove(k)).memoize().indefinitely());
        });
    }
}
