package io.azdp.model.arm;

import java.util.Locale;

/**
 * The Microsoft.DataProtection {@value #API_VERSION} URL templates of the calls azdp makes, and the path segments that
 * tell ARM's long-running-operation URLs apart. Template variables are JAX-RS style ({@code {vaultName}}); ARM matches
 * segment names case-insensitively, so {@link #isOperationResultUrl} and friends do too.
 */
public final class ArmPaths {
    /** The api-version of the contract azdp implements. */
    public static final String API_VERSION = "2024-04-01";
    public static final String PROVIDER = "/providers/Microsoft.DataProtection";
    public static final String SUBSCRIPTION = "/subscriptions/{subscriptionId}";
    public static final String RESOURCE_GROUP = SUBSCRIPTION + "/resourceGroups/{resourceGroupName}";
    /** Everything under a vault starts here. */
    public static final String VAULT = RESOURCE_GROUP + PROVIDER + "/backupVaults/{vaultName}";
    public static final String BACKUP_VAULTS = RESOURCE_GROUP + PROVIDER + "/backupVaults";
    public static final String BACKUP_INSTANCES = VAULT + "/backupInstances";
    public static final String BACKUP_INSTANCE = VAULT + "/backupInstances/{backupInstanceName}";
    /** {@code BackupInstances_AdhocBackup}. */
    public static final String ADHOC_BACKUP = BACKUP_INSTANCE + "/backup";
    public static final String BACKUP_JOBS = VAULT + "/backupJobs";
    public static final String BACKUP_JOB = BACKUP_JOBS + "/{jobId}";
    public static final String BACKUP_POLICIES = VAULT + "/backupPolicies";
    public static final String BACKUP_POLICY = BACKUP_POLICIES + "/{backupPolicyName}";

    /** Segment before the operation id in a status ({@code Azure-AsyncOperation}) URL. */
    public static final String OPERATION_STATUS_SEGMENT = "operationStatus";
    /** Segment before the operation id in a result ({@code Location}) URL. */
    public static final String OPERATION_RESULTS_SEGMENT = "operationResults";
    public static final String VAULT_OPERATION_STATUS = VAULT + "/" + OPERATION_STATUS_SEGMENT + "/{operationId}";
    public static final String RESOURCE_GROUP_OPERATION_STATUS = RESOURCE_GROUP + PROVIDER + "/"
            + OPERATION_STATUS_SEGMENT + "/{operationId}";
    public static final String LOCATION_OPERATION_STATUS = SUBSCRIPTION + PROVIDER + "/locations/{location}/"
            + OPERATION_STATUS_SEGMENT + "/{operationId}";
    public static final String VAULT_OPERATION_RESULT = VAULT + "/" + OPERATION_RESULTS_SEGMENT + "/{operationId}";
    public static final String INSTANCE_OPERATION_RESULT = BACKUP_INSTANCE + "/" + OPERATION_RESULTS_SEGMENT
            + "/{operationId}";
    public static final String LOCATION_OPERATION_RESULT = SUBSCRIPTION + PROVIDER + "/locations/{location}/"
            + OPERATION_RESULTS_SEGMENT + "/{operationId}";

    private ArmPaths() {
    }

    /** True when {@code path} is an operation result ({@code Location}) path: it has an operationResults segment. */
    public static boolean isOperationResultPath(String path) {
        return indexOfSegment(path, OPERATION_RESULTS_SEGMENT) >= 0;
    }

    /**
     * The part of {@code path} before its {@code /operationStatus/} segment (for a vault-scoped status URL: the vault's
     * ARM id), or null when it has none.
     */
    public static String beforeOperationStatus(String path) {
        int at = indexOfSegment(path, OPERATION_STATUS_SEGMENT);
        return at < 0 ? null : path.substring(0, at);
    }

    private static int indexOfSegment(String path, String segment) {
        if (path == null) {
            return -1;
        }
        return path.toLowerCase(Locale.ROOT).indexOf("/" + segment.toLowerCase(Locale.ROOT) + "/");
    }
}
