package io.azdp.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azdp.model.AzdpJson;
import io.azdp.model.InvalidJsonException;
import io.azdp.model.TriggerBackupRequest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds the {@link InputFormat} for an input: {@code --input-format} first, then the file extension, then sniffing the
 * content. All formats are CDI beans; adding one needs no edit here.
 */
@Singleton
public class InputFormats {
    private final Supplier<List<InputFormat>> discovered;
    private List<InputFormat> formats;

    /**
     * The formats are created on first use, not here: every command object is built for every run (even
     * {@code --version}), and most runs read no input, so they should not pay for the formats' Jackson mappers.
     */
    @Inject
    public InputFormats(@Any Instance<InputFormat> discovered) {
        this.discovered = () -> discovered.stream().toList();
    }

    /** For tests and non-CDI use. */
    public InputFormats(List<InputFormat> discovered) {
        this.discovered = () -> discovered;
    }

    private synchronized List<InputFormat> formats() {
        if (formats == null) {
            List<InputFormat> list = new ArrayList<>(discovered.get());
            list.sort(Comparator.comparing(InputFormat::name));
            formats = List.copyOf(list);
        }
        return formats;
    }

    public List<String> names() {
        return formats().stream().map(InputFormat::name).toList();
    }

    public InputFormat select(String explicit, InputSource source) {
        if (explicit != null && !explicit.isBlank()) {
            String wanted = explicit.strip().toLowerCase(Locale.ROOT);
            return formats().stream().filter(f -> f.name().equals(wanted) || f.extensions().contains(wanted)).findFirst()
                    .orElseThrow(() -> new InputException("--input-format", null,
                            "expected one of " + String.join(", ", names()) + ", got '" + explicit + "'"));
        }
        Optional<String> extension = source.extension();
        if (extension.isPresent()) {
            Optional<InputFormat> byExtension = formats().stream().filter(f -> f.extensions().contains(extension.get()))
                    .findFirst();
            if (byExtension.isPresent()) {
                return byExtension.get();
            }
        }
        InputFormat best = null;
        int bestScore = 0;
        for (InputFormat format : formats()) {
            int score = format.sniff(source.text());
            if (score > bestScore) {
                best = format;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new InputException(source.name(), null, "could not tell the input format; pass --input-format "
                    + formats().stream().map(InputFormat::name).collect(Collectors.joining("|")));
        }
        return best;
    }

    /** Reads a whole {@link TriggerBackupRequest} and checks that a rule name is present. */
    public TriggerBackupRequest readTriggerRequest(String explicitFormat, InputSource source) {
        InputFormat format = select(explicitFormat, source);
        JsonNode node = format.readDocument(source);
        return toTriggerRequest(source.name(), node);
    }

    public TriggerBackupRequest toTriggerRequest(String location, JsonNode node) {
        if (!node.isObject()) {
            throw new InputException(location, "$", "expected an object like "
                    + "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":{}}}");
        }
        StrictMembers.check(location, "$", node, TriggerBackupRequest.class);
        TriggerBackupRequest request;
        try {
            request = AzdpJson.read(node.toString(), TriggerBackupRequest.class);
        } catch (InvalidJsonException e) {
            throw new InputException(location, null, e.getMessage());
        }
        if (request == null || request.backupRuleOptions() == null) {
            throw new InputException(location, "$.backupRuleOptions", "expected an object with ruleName");
        }
        String rule = request.backupRuleOptions().ruleName();
        if (rule == null || rule.isBlank()) {
            throw new InputException(location, "$.backupRuleOptions.ruleName",
                    "expected the name of an AzureBackupRule of the instance's policy (a non-empty string)");
        }
        if (request.backupRuleOptions().triggerOption() == null) {
            // the service requires triggerOption; like the Azure CLI, send {} when the input leaves it out
            request = TriggerBackupRequest.of(rule, null);
        }
        return request;
    }

    /** Reads bulk records; bare strings become {@code {"id": "..."}}. */
    public List<InputRecord> readRecords(String explicitFormat, InputSource source) {
        InputFormat format = select(explicitFormat, source);
        List<InputRecord> records = new ArrayList<>();
        for (InputRecord record : format.readRecords(source)) {
            JsonNode fields = record.fields();
            if (fields.isTextual()) {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                node.put("id", fields.asText());
                records.add(new InputRecord(record.location(), node));
            } else if (fields.isObject()) {
                records.add(record);
            } else {
                throw new InputException(record.location(), null,
                        "expected an object (id or names, optional ruleName/retentionTagOverride) or an id string");
            }
        }
        return records;
    }
}
