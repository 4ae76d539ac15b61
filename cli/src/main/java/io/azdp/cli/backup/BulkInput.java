package io.azdp.cli.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azdp.cli.common.ClosestName;
import io.azdp.cli.common.CliContext;
import io.azdp.cli.input.InputException;
import io.azdp.cli.input.InputFormats;
import io.azdp.cli.input.InputRecord;
import io.azdp.cli.input.InputSource;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.ValidationException;
import io.azdp.model.id.ArmNames;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupVaultId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The items of a bulk run, all read and validated before anything is sent: rows of a file (CSV, JSON Lines, JSON,
 * YAML; field names as the cmdlet's parameters, several spellings each) or {@code --id} values ({@code -} reads ids
 * from stdin), each becoming a {@link BulkItem} that names where it came from ({@code file:line}, {@code --id[2]}).
 */
final class BulkInput {
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
    private final TriggerBackupRequest defaults;

    /** @param defaults the request of {@code --rule-name}/{@code --json-*} for rows that name no rule, or null */
    BulkInput(CliContext context, InputFormats formats, TriggerBackupRequest defaults) {
        this.context = context;
        this.formats = formats;
        this.defaults = defaults;
    }

    List<BulkItem> fromFile(String path, String format) {
        InputSource source = InputSource.read("--from-file", path, System.in);
        List<InputRecord> records = formats.readRecords(format, source);
        if (records.isEmpty()) {
            throw new InputException(source.name(), null, "expected at least one backup instance, found none");
        }
        List<BulkItem> items = new ArrayList<>(records.size());
        for (InputRecord r : records) {
            items.add(item(items.size() + 1, r.location(), r.fields()));
        }
        return items;
    }

    List<BulkItem> fromIds(List<String> ids) {
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
                        items.add(item(items.size() + 1, stdin.at(i + 1), idNode(line)));
                    }
                }
            } else {
                items.add(item(items.size() + 1, "--id[" + flagIndex + "]", idNode(id.strip())));
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

    private BulkItem item(int index, String location, JsonNode fields) {
        Map<String, JsonNode> row = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            String key = e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            String canonical = FIELDS.get(key);
            if (canonical == null) {
                String closest = ClosestName.among(e.getKey(), new java.util.LinkedHashSet<>(FIELDS.values()))
                        .map(n -> "did you mean '" + n + "'? ").orElse("");
                throw new InputException(location, e.getKey(), "unknown field; " + closest + "expected id, or resourceGroupName + "
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
}
