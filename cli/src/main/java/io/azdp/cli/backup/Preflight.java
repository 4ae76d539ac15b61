package io.azdp.cli.backup;

import io.azdp.client.DataProtectionClient;
import io.azdp.model.AdhocBackupTriggerOption;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.policy.AdhocBackupOptions;

/** Checks the rule name and retention tag against the instance's policy before anything is posted. */
final class Preflight {

    private Preflight() {
    }

    static void check(DataProtectionClient client, BackupInstanceId instance, TriggerBackupRequest body) {
        AdhocBackupOptions options = client.adhocBackupOptions(instance);
        check(options, body);
    }

    static void check(AdhocBackupOptions options, TriggerBackupRequest body) {
        AdhocBackupTriggerOption trigger = body.backupRuleOptions().triggerOption();
        options.validate(body.backupRuleOptions().ruleName(), trigger == null ? null : trigger.retentionTagOverride());
    }
}
