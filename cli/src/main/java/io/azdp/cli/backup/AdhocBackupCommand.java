package io.azdp.cli.backup;

import io.azdp.cli.common.ExitCode;
import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.ExitCode;
import io.azdp.cli.output.OutputMixin;
import io.azdp.cli.common.ResumeHint;
import io.azdp.cli.common.ServiceOptions;
import io.azdp.cli.common.Terminal;
import io.azdp.cli.common.WaitMixin;
import io.azdp.cli.input.InputFormats;
import io.azdp.cli.input.InputSource;
import io.azdp.cli.job.JobWaiter;
import io.azdp.cli.operation.OperationWaiter;
import io.azdp.cli.output.OutputMixin;
import io.azdp.client.ClientSettings;
import io.azdp.client.error.UnfollowableOperationException;
import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.model.id.ArmNames;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.id.BackupInstanceId;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code azdp backup-instance adhoc-backup} (alias {@code azdp backup}): Backup-AzDataProtectionBackupInstanceAdhoc.
 */
@Command(name = "adhoc-backup", sortOptions = false,
        header = "Trigger an adhoc backup of a backup instance (Backup-AzDataProtectionBackupInstanceAdhoc).",
        description = { "By default waits for the operation and prints the job id; --no-wait prints the operation URLs "
                + "and a resume token, --wait-for-job follows the backup job to its end.",
                "The instance's protection state, rule name and retention tag are checked against the instance and its "
                        + "policy first (--skip-preflight to send as is)." },
        footer = { "%nExamples:",
                "  azdp backup -g rg -v vault -n instance --rule-name BackupWeekly --retention-tag-override Weekly",
                "  azdp backup --id /subscriptions/.../backupVaults/vault/backupInstances/instance --rule-name BackupWeekly --no-wait",
                "  azdp backup --from-file instances.csv --rule-name BackupWeekly --parallel 16" })
public class AdhocBackupCommand implements Callable<Integer> {

    @Inject
    InputFormats inputFormats;

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nBackup instance (one of):%n", order = 1)
    Target target;

    @Option(names = { "-n", "--backup-instance-name", "--name" }, paramLabel = "NAME", order = 2,
            description = "Backup instance name (with -g/-v or --backup-vault-input-object).")
    String instanceName;

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nRequest (one of):%n", order = 3)
    Request request;

    @Option(names = "--input-format", paramLabel = "FORMAT", order = 4,
            description = "Format of --json-file-path / --from-file / stdin: json, yaml, csv, jsonl "
                    + "(default: by file extension, else sniffed).")
    String inputFormat;

    @Option(names = "--no-wait", order = 10,
            description = "Start the operation and print its id, status URLs, job id when known and a resume token.")
    boolean noWait;

    @Option(names = "--wait-for-job", order = 11,
            description = "After the operation, follow the backup job to its end; exit 7 if it failed or was cancelled.")
    boolean waitForJob;

    @Option(names = "--what-if", order = 12,
            description = "Run the read-only pre-flight (reads the instance and its policy), print the exact HTTP "
                    + "request (Authorization redacted) and start nothing; with --skip-preflight, check nothing.")
    boolean whatIf;

    @Option(names = "--confirm", order = 13,
            description = "Ask before sending. Fails with exit 2 when stdin is not a terminal (use --yes).")
    boolean confirm;

    @Option(names = { "-y", "--yes" }, order = 14, description = "Do not ask (answers --confirm).")
    boolean yes;

    @Option(names = "--skip-preflight", order = 15,
            description = "Do not check the instance's state, rule name and retention tag against the instance and its "
                    + "policy first.")
    boolean skipPreflight;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8", order = 16,
            description = "Bulk runs: backups in flight at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--max-throttle-wait", paramLabel = "DURATION", defaultValue = "60s", order = 17,
            description = "Bulk runs: longest pause for a 429 (e.g. 30s, 5m; default: ${DEFAULT-VALUE}). An item whose "
                    + "Retry-After is longer is reported Throttled with its retryAt, and the batch goes on.")
    String maxThrottleWait;

    @Mixin
    WaitMixin waitOptions;

    @Mixin
    ServiceOptions service;

    /** The cmdlet's parameter sets that name the instance. */
    static class Target {
        @ArgGroup(exclusive = false, multiplicity = "1", order = 2)
        Expanded expanded;

        @Option(names = { "--id", "--ids", "--input-object" }, arity = "1..*", paramLabel = "INSTANCE_ID",
                description = "Backup instance ARM id(s), as az's --ids; repeatable; '-' reads ids (one a line) from "
                        + "stdin. One id prints one result; several ids or '-' run in bulk (one line per item).")
        List<String> ids;

        @Option(names = "--backup-vault-input-object", paramLabel = "VAULT_ID",
                description = "Backup vault ARM id; with -n NAME.")
        String vaultId;

        @Option(names = "--from-file", paramLabel = "FILE",
                description = "Bulk: CSV / JSON Lines / JSON / YAML of instances (id, or resourceGroupName + vaultName + "
                        + "backupInstanceName; optional ruleName, retentionTagOverride); '-' reads stdin.")
        String fromFile;
    }

    static class Expanded {
        @Option(names = { "-g", "--resource-group-name", "--resource-group" }, required = true, paramLabel = "RG",
                description = "Resource group of the vault.")
        String resourceGroup;

        @Option(names = { "-v", "--vault-name" }, required = true, paramLabel = "VAULT", description = "Backup vault name.")
        String vaultName;
    }

    /** The request body: rule options, or the whole TriggerBackupRequest as JSON/YAML. */
    static class Request {
        @ArgGroup(exclusive = false, multiplicity = "1")
        RuleOptions rule;

        @Option(names = "--json-string", paramLabel = "JSON",
                description = "The whole TriggerBackupRequest, e.g. '{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\","
                        + "\"triggerOption\":{}}}'.")
        String jsonString;

        @Option(names = "--json-file-path", paramLabel = "FILE",
                description = "File with the whole TriggerBackupRequest (JSON or YAML); '-' reads stdin.")
        String jsonFile;
    }

    static class RuleOptions {
        @Option(names = { "--rule-name", "--backup-rule-option-rule-name" }, required = true, paramLabel = "RULE",
                description = "Name of an AzureBackupRule of the instance's policy (see 'azdp backup-instance rules').")
        String ruleName;

        @Option(names = { "--retention-tag-override", "--trigger-option-retention-tag-override" }, paramLabel = "TAG",
                description = "Retention tag of that rule to apply (e.g. Default, Weekly).")
        String retentionTagOverride;
    }

    @Override
    public Integer call() {
        CliContext context = service.start().pollInterval(waitOptions.pollInterval()).skipPreflight(skipPreflight);
        OutputMixin output = service.output();
        Duration timeout = waitOptions.timeout();
        if (noWait && waitForJob) {
            throw CliException.usage("--no-wait: cannot be combined with --wait-for-job");
        }
        if (parallel < 1 || parallel > 1024) {
            throw CliException.usage("--parallel: expected a number from 1 to 1024, got " + parallel);
        }
        if (target == null) {
            throw CliException.usage("expected " + InstanceRef.EXPECTED + " (or --from-file FILE)");
        }
        if (isBulk()) {
            if (instanceName != null) {
                throw CliException.usage("--backup-instance-name/-n: not allowed with --from-file or several --id; "
                        + "put names in the file");
            }
            TriggerBackupRequest defaults = request == null ? null : requestBody(true);
            BulkInput input = new BulkInput(context, inputFormats, defaults);
            var items = target.fromFile != null ? input.fromFile(target.fromFile, inputFormat)
                    : input.fromIds(target.ids);
            if (whatIf) {
                return BulkWhatIf.run(context, output, items, parallel, skipPreflight).code();
            }
            Duration throttleCap = ClientSettings.parseDuration("--max-throttle-wait", maxThrottleWait);
            if (throttleCap.isZero() || throttleCap.isNegative()) {
                throw CliException.usage("--max-throttle-wait: expected a positive duration (e.g. 60s), got "
                        + maxThrottleWait);
            }
            confirm(context, items.size() + " backup instances");
            return new BulkRun(context, output, parallel, noWait, waitForJob, timeout, throttleCap).run(items).code();
        }
        BackupInstanceId instance = resolveInstance(context);
        TriggerBackupRequest body = requestBody(false);
        if (whatIf) {
            return whatIf(context, output, instance, body);
        }
        confirm(context, instance.toString() + " with rule '" + body.backupRuleOptions().ruleName() + "'");
        AdhocBackupPoller poller;
        try (ResumeHint inFlight = ResumeHint.requestInFlight(context.followUp("azdp job list --vault-id "
                + instance.vault() + " --backup-instance-name " + instance.backupInstanceName()
                + " --status InProgress -o table"))) {
            poller = context.client().beginAdhocBackup(instance, body);
        } catch (UnfollowableOperationException e) {
            // accepted, but with polling URLs azdp cannot follow: print what is known (issue 13)
            output.printAccepted(context.out(), StartedOperation.unfollowable(instance, e));
            throw new CliException(ExitCode.OPERATION_FAILED, e.getMessage(), e);
        }
        try {
            if (noWait) {
                printAccepted(context, output, StartedOperation.of(poller, instance));
                return ExitCode.SUCCESS.code();
            }
            OperationJobExtendedInfo info = OperationWaiter.await(context, poller, timeout);
            if (!waitForJob) {
                printAccepted(context, output, TriggerResult.of(poller, info));
                return ExitCode.SUCCESS.code();
            }
            return JobWaiter.followJobOf(context, output, poller, timeout).code();
        } catch (RuntimeException e) {
            throw AcceptedBackup.failed(context, poller, e);
        }
    }

    /** Prints a result after the service accepted the backup: a --query that cannot run on it is exit 6, not 2. */
    private static void printAccepted(CliContext context, OutputMixin output, Object result) {
        output.printAccepted(context.out(), result).ifPresent(error -> {
            throw CliException.queryAfterAcceptance(error);
        });
    }

    /**
     * {@code --what-if}: the client's read-only pre-flight (GETs of the instance and its policy; ADR 0008), then the
     * request as it would be sent; with {@code --skip-preflight}, the request as given, saying it was not checked.
     */
    private int whatIf(CliContext context, OutputMixin output, BackupInstanceId instance, TriggerBackupRequest body) {
        if (skipPreflight) {
            context.err().println("what-if: not checked (--skip-preflight): the instance's state, rule name and "
                    + "retention tag were not read from the service");
            context.err().flush();
            output.print(context.out(), HttpPreview.adhocBackup(context.settings(), instance, body,
                    "not checked (--skip-preflight)"));
        } else {
            TriggerBackupRequest checked = context.client().preflight(instance, body);
            output.print(context.out(), HttpPreview.adhocBackup(context.settings(), instance, checked,
                    HttpPreview.PASSED));
        }
        return ExitCode.SUCCESS.code();
    }

    private boolean isBulk() {
        return target.fromFile != null || target.ids != null && (target.ids.size() > 1 || target.ids.contains("-"));
    }

    private BackupInstanceId resolveInstance(CliContext context) {
        if (target.ids != null) {
            if (instanceName != null) {
                throw CliException.usage("--backup-instance-name/-n: not allowed with --id (the id names the instance)");
            }
            return CliException.option("--id", () -> BackupInstanceId.parse(target.ids.get(0).strip()));
        }
        if (target.vaultId != null) {
            return InstanceRef.fromVault(target.vaultId, instanceName);
        }
        return InstanceRef.fromNames(context, target.expanded.resourceGroup, target.expanded.vaultName, instanceName);
    }

    private TriggerBackupRequest requestBody(boolean optional) {
        if (request == null) {
            if (optional) {
                return null;
            }
            throw CliException.usage("--rule-name: expected the backup rule (--rule-name RULE), or the whole request "
                    + "with --json-string / --json-file-path; 'azdp backup-instance rules' lists valid names");
        }
        if (request.rule != null) {
            CliException.option("--rule-name", () -> ArmNames.requireRuleName(request.rule.ruleName));
            String tag = request.rule.retentionTagOverride;
            if (tag != null && tag.isBlank()) {
                throw CliException.usage("--retention-tag-override: expected a retention tag name, got an empty value");
            }
            return TriggerBackupRequest.of(request.rule.ruleName.strip(), tag == null ? null : tag.strip());
        }
        if (request.jsonString != null) {
            return inputFormats.readTriggerRequest(inputFormat, InputSource.ofFlag("--json-string", request.jsonString));
        }
        if ("-".equals(request.jsonFile) && target != null && (target.ids != null && target.ids.contains("-")
                || "-".equals(target.fromFile))) {
            throw CliException.usage("--json-file-path: stdin is already used for the instances; pass a file");
        }
        return inputFormats.readTriggerRequest(inputFormat,
                InputSource.read("--json-file-path", request.jsonFile, System.in));
    }

    private void confirm(CliContext context, String what) {
        if (!confirm || yes) {
            return;
        }
        if (!Terminal.canPrompt()) {
            throw CliException.usage("--confirm: stdin is not a terminal, so azdp cannot ask; pass --yes to proceed");
        }
        // the question goes to stderr, so stdout stays data only even when it is redirected
        context.err().printf("Trigger an adhoc backup of %s? [y/N] ", what);
        context.err().flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
            throw CliException.usage("--confirm: not confirmed; nothing was sent");
        }
    }
}
