package io.azdp.cli.backup;

import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.id.BackupInstanceId;

/** One backup of a bulk run and where it came from. */
record BulkItem(int index, String source, BackupInstanceId instance, TriggerBackupRequest body) {
}
