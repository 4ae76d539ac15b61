package io.azdp.cli.backup;

import picocli.CommandLine.Command;

/** {@code azdp backup}: short alias of {@code azdp backup-instance adhoc-backup}. */
@Command(name = "backup", header = "Alias of 'azdp backup-instance adhoc-backup': trigger an adhoc backup.")
public class BackupCommand extends AdhocBackupCommand {
}
