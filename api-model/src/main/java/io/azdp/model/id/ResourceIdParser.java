package io.azdp.model.id;

import io.azdp.model.ValidationException;
import java.util.function.UnaryOperator;

/** The one parser behind every {@code parse} of this package. */
final class ResourceIdParser {
    static final String VAULT_FORM = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.DataProtection/backupVaults/{vaultName}";

    private ResourceIdParser() {
    }

    /** Quotes a whole id (ids run to a few hundred characters; real ones are never secret). */
    static String q(String id) {
        return ValidationException.quote(id, 1024);
    }

    static ResourceId parse(String id) {
        String expected = "an ARM id " + VAULT_FORM + "[/backupInstances|backupPolicies|backupJobs/{name}]";
        if (id == null || id.isBlank()) {
            throw new InvalidResourceIdException(expected, "resource id: expected " + expected + ", got "
                    + q(id), 0);
        }
        String s = id.strip();
        if (s.startsWith("/")) {
            s = s.substring(1);
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        String[] seg = s.split("/", -1);
        String sub = value(seg, 1, id, "subscriptionId", "subscriptions", ArmNames::requireSubscriptionId);
        String rg = value(seg, 3, id, "resourceGroupName", "resourceGroups", ArmNames::requireResourceGroupName);
        literal(seg, 4, id, "providers");
        literal(seg, 5, id, ResourceId.PROVIDER);
        String vaultName = value(seg, 7, id, "vaultName", "backupVaults", ArmNames::requireVaultName);
        BackupVaultId vault = new BackupVaultId(sub, rg, vaultName);
        if (seg.length == 8) {
            return vault;
        }
        String type = seg[8];
        String childExpected = "one of 'backupInstances', 'backupPolicies', 'backupJobs' (or the end of the id)";
        if (seg.length > 10) {
            throw new InvalidResourceIdException(expected, "resource id has unexpected extra segment "
                    + ValidationException.quote(seg[10]) + " at position 11 in " + q(id)
                    + "; expected the id to end after the name at position 10", 11);
        }
        if (type.equalsIgnoreCase("backupInstances")) {
            return new BackupInstanceId(vault, value(seg, 9, id, "backupInstanceName", "backupInstances",
                    ArmNames::requireBackupInstanceName));
        }
        if (type.equalsIgnoreCase("backupPolicies")) {
            return new BackupPolicyId(vault, value(seg, 9, id, "backupPolicyName", "backupPolicies",
                    ArmNames::requirePolicyName));
        }
        if (type.equalsIgnoreCase("backupJobs")) {
            return new BackupJobId(vault, value(seg, 9, id, "jobId", "backupJobs", ArmNames::requireJobGuid));
        }
        throw new InvalidResourceIdException(childExpected, "resource id segment at position 9: expected "
                + childExpected + " but found " + ValidationException.quote(type) + " in " + q(id),
                9);
    }

    /** Checks the literal before {@code index} and validates the value at {@code index} (0-based). */
    private static String value(String[] seg, int index, String id, String field, String literalBefore,
            UnaryOperator<String> check) {
        if (!literalBefore.equals(ResourceId.PROVIDER)) {
            literal(seg, index - 1, id, literalBefore);
        }
        int position = index + 1;
        if (seg.length <= index || seg[index].isEmpty()) {
            throw new InvalidResourceIdException("{" + field + "}", "resource id is missing the " + field
                    + " at position " + position + " (after '" + literalBefore + "') in " + q(id),
                    position);
        }
        try {
            return check.apply(seg[index]);
        } catch (ValidationException e) {
            throw new InvalidResourceIdException(e.expected(), "resource id segment at position " + position + " ("
                    + field + "): expected " + e.expected() + " but found " + ValidationException.quote(seg[index])
                    + " in " + q(id), position);
        }
    }

    private static void literal(String[] seg, int index, String id, String literal) {
        int position = index + 1;
        if (seg.length <= index) {
            throw new InvalidResourceIdException("'" + literal + "'", "resource id segment '" + literal
                    + "' expected at position " + position + " but the id ends before it: "
                    + q(id), position);
        }
        if (!seg[index].equalsIgnoreCase(literal)) {
            throw new InvalidResourceIdException("'" + literal + "'", "resource id segment '" + literal
                    + "' expected at position " + position + " but found " + ValidationException.quote(seg[index])
                    + " in " + q(id), position);
        }
    }

    static <T extends ResourceId> T parseAs(String id, Class<T> type, String kind, String form) {
        ResourceId parsed = parse(id);
        if (!type.isInstance(parsed)) {
            String expected = "a " + kind + " id (" + form + ")";
            throw new InvalidResourceIdException(expected, "resource id: expected " + expected + " but got a "
                    + kindOf(parsed) + " id: " + q(id), 0);
        }
        return type.cast(parsed);
    }

    static String kindOf(ResourceId id) {
        if (id instanceof BackupInstanceId) {
            return "backup instance";
        }
        if (id instanceof BackupPolicyId) {
            return "backup policy";
        }
        if (id instanceof BackupJobId) {
            return "backup job";
        }
        return "backup vault";
    }
}
