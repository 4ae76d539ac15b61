package io.azdp.cli.job;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.VaultOptions;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.id.JobId;

/** A job named by a full ARM id, or by a GUID plus the vault options. */
record JobRef(BackupVaultId vault, JobId job) {

    /** JOB or {@code --job-id}/{@code --ids}: exactly one of them. */
    static String given(String positional, String option) {
        if (positional != null && option != null) {
            throw CliException.usage("--job-id: give the job either as JOB or as --job-id, not both");
        }
        if (positional == null && option == null) {
            throw CliException.usage("JOB: expected the job GUID (with -g RG -v VAULT or --vault-id) or the job ARM "
                    + "id, as JOB or --job-id");
        }
        return positional != null ? positional : option;
    }

    static JobRef resolve(CliContext context, String text, VaultOptions vaultOptions) {
        JobId job = CliException.option("JOB", () -> JobId.parse(text.strip()));
        if (job.armId().isPresent()) {
            if (!vaultOptions.isEmpty()) {
                BackupVaultId given = vaultOptions.resolve(context);
                if (!given.toString().equalsIgnoreCase(job.armId().get().vault().toString())) {
                    throw CliException.usage("JOB: the job id names vault " + job.armId().get().vault()
                            + " but the vault options name " + given);
                }
            }
            return new JobRef(job.armId().get().vault(), job);
        }
        if (vaultOptions.isEmpty()) {
            throw CliException.usage("JOB: a bare job GUID needs the vault: -g RG -v VAULT or --vault-id VAULT_ID "
                    + "(or pass the full job ARM id)");
        }
        return new JobRef(vaultOptions.resolve(context), job);
    }
}
