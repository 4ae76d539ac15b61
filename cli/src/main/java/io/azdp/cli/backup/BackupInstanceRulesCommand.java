package io.azdp.cli.backup;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.output.OutputFormat;
import io.azdp.cli.output.OutputMixin;
import io.azdp.cli.common.ServiceOptions;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.policy.AdhocBackupOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code azdp backup-instance rules}: which rule names and retention tags an adhoc backup of this instance may use. */
@Command(name = "rules", sortOptions = false,
        header = "List the backup rule names and retention tags an adhoc backup of an instance may use.",
        footer = { "%nExamples:", "  azdp backup-instance rules -g rg -v vault -n instance -o table",
                "  azdp backup-instance rules --id /subscriptions/.../backupInstances/instance --query 'rules[*].ruleName'" })
public class BackupInstanceRulesCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nBackup instance (one of):%n", order = 1)
    Target target;

    @Option(names = { "-n", "--backup-instance-name", "--name" }, paramLabel = "NAME", order = 2,
            description = "Backup instance name (with -g/-v or --backup-vault-input-object).")
    String instanceName;

    @Mixin
    ServiceOptions service;

    static class Target {
        @ArgGroup(exclusive = false, multiplicity = "1")
        AdhocBackupCommand.Expanded expanded;

        @Option(names = { "--id", "--ids", "--input-object" }, paramLabel = "INSTANCE_ID",
                description = "Backup instance ARM id (az: --ids).")
        String id;

        @Option(names = "--backup-vault-input-object", paramLabel = "VAULT_ID", description = "Backup vault ARM id; with -n.")
        String vaultId;
    }

    @Override
    public Integer call() {
        CliContext context = service.start();
        OutputMixin output = service.output();
        if (target == null) {
            throw CliException.usage("expected " + InstanceRef.EXPECTED);
        }
        BackupInstanceId instance;
        if (target.id != null) {
            if (instanceName != null) {
                throw CliException.usage("--backup-instance-name/-n: not allowed with --id (the id names the instance)");
            }
            instance = CliException.option("--id", () -> BackupInstanceId.parse(target.id.strip()));
        } else if (target.vaultId != null) {
            instance = InstanceRef.fromVault(target.vaultId, instanceName);
        } else {
            instance = InstanceRef.fromNames(context, target.expanded.resourceGroup, target.expanded.vaultName,
                    instanceName);
        }
        AdhocBackupOptions options = context.client().adhocBackupOptions(instance);
        // a table of the options object would show only the retention rule names, which look like valid rules:
        // the table is the backup rules, one row each with their tags
        boolean rulesTable = output.format() == OutputFormat.table && output.compiledQuery() == null;
        output.print(context.out(), rulesTable ? options.rules() : options);
        return 0;
    }
}
