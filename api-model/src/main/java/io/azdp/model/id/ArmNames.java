package io.azdp.model.id;

import io.azdp.model.ValidationException;
import java.util.regex.Pattern;

/**
 * ARM name rules shared by the client, the CLI and the emulator. Each {@code require*} returns its argument when valid
 * and otherwise throws {@link ValidationException} with the message {@code "<field>: expected <rule>, got '<value>'"}.
 */
public final class ArmNames {
    public static final String SUBSCRIPTION_ID_RULE =
            "a subscription id: a UUID like 00000000-0000-0000-0000-000000000000";
    public static final String RESOURCE_GROUP_RULE = "a resource group name: 1-90 letters, digits, '-', '_', '.', '(' or ')'"
            + ", not ending in '.'";
    public static final String VAULT_NAME_RULE = "a backup vault name: 2-50 characters, letters, digits and '-',"
            + " starting with a letter and ending with a letter or digit";
    public static final String CHILD_NAME_RULE = "a name of 1-260 characters without '/', '\\', '?', '#' or '%'"
            + " and not blank";
    public static final String RULE_NAME_RULE = "the name of a backup rule (AzureBackupRule) of the policy, not blank";
    public static final String JOB_ID_RULE = "a job id: a GUID like 3c60cb49-63e8-4b21-b9bd-26277b3fdfae";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** GUID-shaped, tolerating the short first group of the spec examples ({@code c60cb49-...}). */
    private static final Pattern JOB_GUID = Pattern.compile(
            "[0-9a-fA-F]{1,8}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,4}-[0-9a-fA-F]{1,12}");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[-\\w._()]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern VAULT = Pattern.compile("[A-Za-z][-A-Za-z0-9]*[A-Za-z0-9]");

    private ArmNames() {
    }

    /** A subscription id (UUID). */
    public static String requireSubscriptionId(String value) {
        if (value == null || !UUID.matcher(value).matches()) {
            throw ValidationException.of("subscriptionId", SUBSCRIPTION_ID_RULE, value);
        }
        return value;
    }

    /** A resource group name: 1-90 of {@code [-\w._()]}, not ending in '.'. */
    public static String requireResourceGroupName(String value) {
        if (value == null || value.isEmpty() || value.length() > 90 || !RESOURCE_GROUP.matcher(value).matches()
                || value.endsWith(".")) {
            throw ValidationException.of("resourceGroupName", RESOURCE_GROUP_RULE, value);
        }
        return value;
    }

    /** A backup vault name: 2-50, {@code ^[A-Za-z][-A-Za-z0-9]*[A-Za-z0-9]$}. */
    public static String requireVaultName(String value) {
        if (value == null || value.length() < 2 || value.length() > 50 || !VAULT.matcher(value).matches()) {
            throw ValidationException.of("vaultName", VAULT_NAME_RULE, value);
        }
        return value;
    }

    /** A backup instance name: 1-260, not blank, no '/', '\', '?', '#', '%'. */
    public static String requireBackupInstanceName(String value) {
        return requireChildName("backupInstanceName", value);
    }

    /** A backup policy name: same rule as instance names. */
    public static String requirePolicyName(String value) {
        return requireChildName("backupPolicyName", value);
    }

    /** A rule name for an adhoc backup: not blank (whether the policy has it is {@code AdhocBackupOptions}' job). */
    public static String requireRuleName(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of("ruleName", RULE_NAME_RULE, value);
        }
        return value;
    }

    /** A bare job id: GUID-shaped (the short first group of the spec examples is tolerated). */
    public static String requireJobGuid(String value) {
        if (value == null || !JOB_GUID.matcher(value).matches()) {
            throw ValidationException.of("jobId", JOB_ID_RULE, value);
        }
        return value;
    }

    /** True when {@code value} is a strictly formed UUID. */
    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    private static String requireChildName(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 260 || value.chars().anyMatch(
                c -> c == '/' || c == '\\' || c == '?' || c == '#' || c == '%' || Character.isISOControl(c))) {
            throw ValidationException.of(field, CHILD_NAME_RULE, value);
        }
        return value;
    }
}
