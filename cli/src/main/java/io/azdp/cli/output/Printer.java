package io.azdp.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.azdp.model.AzdpJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a value as json, jsonc, yaml, yamlc, table, tsv or nothing. Field order follows the model; output is stable. */
public final class Printer {
    private static final ObjectMapper JSON = terminalSafe(AzdpJson.newMapper());
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final ObjectMapper YAML = AzdpJson.configure(YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private Printer() {
    }

    /** Server text may carry escape sequences (issue 15): JSON output writes every control character escaped. */
    private static ObjectMapper terminalSafe(ObjectMapper mapper) {
        mapper.getFactory().setCharacterEscapes(ControlChars.JSON_ESCAPES);
        return mapper;
    }

    public static JsonNode tree(Object value) {
        return value instanceof JsonNode node ? node : JSON.valueToTree(value);
    }

    /** One compact JSON line (NDJSON). */
    public static String compact(Object value) {
        try {
            return JSON.writeValueAsString(tree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Renders {@code value} (query already applied) without colour, TSV columns from the data; the result ends with a
     * newline unless empty.
     */
    public static String render(JsonNode value, OutputFormat format) {
        return render(value, format, TsvColumns.fromData(value), false);
    }

    /** The TSV columns of the rows of {@code value} as the CLI made it (no --query): fixed by its type. */
    static List<String> columnsOf(Object value) {
        Class<?> type = TsvColumns.rowType(value);
        return type == null ? TsvColumns.fromData(tree(value)) : TsvColumns.forType(JSON, type);
    }

    /**
     * Renders {@code value}: {@code tsvColumns} are the columns of its rows ({@link TsvColumns}); {@code colour} turns
     * on the ANSI colours of jsonc and yamlc (the caller decides: stdout is a terminal and NO_COLOR is unset).
     */
    public static String render(JsonNode value, OutputFormat format, List<String> tsvColumns, boolean colour) {
        try {
            return switch (format) {
                case json -> PRETTY.writeValueAsString(value) + "\n";
                case jsonc -> colour ? Colour.json(PRETTY.writeValueAsString(value)) + "\n"
                        : PRETTY.writeValueAsString(value) + "\n";
                case yaml -> YAML.writeValueAsString(ControlChars.visible(value));
                case yamlc -> colour ? Colour.yaml(YAML.writeValueAsString(ControlChars.visible(value)))
                        : YAML.writeValueAsString(ControlChars.visible(value));
                case tsv -> tsv(value, tsvColumns);
                case table -> table(value);
                case none -> "";
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render output", e);
        }
    }

    private static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isValueNode()) {
            return ControlChars.escape(node.asText());
        }
        return compact(node);
    }

    private static String tsv(JsonNode value, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        if (value.isArray()) {
            for (JsonNode element : value) {
                sb.append(tsvRow(element, columns)).append('\n');
            }
        } else if (!value.isNull() && !value.isMissingNode()) {
            sb.append(tsvRow(value, columns)).append('\n');
        }
        return sb.toString();
    }

    /** One row: an object's value for every column (empty when absent), an array's elements, or a scalar. */
    private static String tsvRow(JsonNode node, List<String> columns) {
        List<String> cells = new ArrayList<>();
        if (node.isObject()) {
            columns.forEach(c -> cells.add(cell(TsvColumns.at(node, c))));
        } else if (node.isArray()) {
            node.forEach(e -> cells.add(cell(e)));
        } else {
            cells.add(cell(node));
        }
        return String.join("\t", cells);
    }

    /** A field: scalars as text, a list of scalars joined by commas, other containers as compact JSON; one line. */
    private static String cell(JsonNode v) {
        String text = v.isArray() && allScalars(v) ? joined(v) : scalar(v);
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String joined(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(e -> parts.add(scalar(e)));
        return String.join(",", parts);
    }

    private static Map<String, String> flatten(String prefix, JsonNode node, Map<String, String> out, int depth) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode v = field.getValue();
            if (v.isObject() && depth > 1) {
                flatten(key, v, out, depth - 1);
            } else if (v.isArray() && v.size() > 0 && allScalars(v)) {
                List<String> parts = new ArrayList<>();
                v.forEach(e -> parts.add(scalar(e)));
                out.put(key, String.join(",", parts));
            } else if (v.isObject() || v.isArray()) {
                continue;
            } else {
                out.put(key, scalar(v));
            }
        }
        return out;
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode e : array) {
            if (e.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static final String JOB_TYPE = "Microsoft.DataProtection/backupVaults/backupJobs";

    /**
     * Backup jobs carry some thirty fields; like {@code az ... -o table}, a table of jobs shows the ones people scan
     * for (json, yaml and tsv keep everything; {@code --query} picks others).
     */
    private static final Map<String, String> JOB_COLUMNS = jobColumns();

    private static Map<String, String> jobColumns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Name", "name");
        m.put("Operation", "properties.operation");
        m.put("Status", "properties.status");
        m.put("BackupInstance", "properties.backupInstanceFriendlyName");
        m.put("Rule", "properties.extendedInfo.additionalDetails.PolicyRuleName");
        m.put("RetentionTag", "properties.extendedInfo.additionalDetails.RetentionTag");
        m.put("StartTime", "properties.startTime");
        m.put("Duration", "properties.duration");
        return m;
    }

    private static boolean isJob(JsonNode node) {
        return node.isObject() && JOB_TYPE.equalsIgnoreCase(node.path("type").asText());
    }

    private static Map<String, String> jobRow(JsonNode job) {
        Map<String, String> row = new LinkedHashMap<>();
        JOB_COLUMNS.forEach((column, path) -> {
            JsonNode v = job;
            for (String segment : path.split("\\.")) {
                v = v.path(segment);
            }
            row.put(column, scalar(v));
        });
        return row;
    }

    private static String table(JsonNode value) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (isJobs(value)) {
            Iterable<JsonNode> jobs = value.isArray() ? value : List.of(value);
            jobs.forEach(job -> rows.add(jobRow(job)));
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                rows.add(element.isObject() ? flatten("", element, new LinkedHashMap<>(), 3)
                        : Map.of("Result", scalar(element)));
            }
        } else if (value.isObject()) {
            rows.add(flatten("", value, new LinkedHashMap<>(), 3));
        } else if (value.isNull() || value.isMissingNode()) {
            return "";
        } else {
            rows.add(Map.of("Result", scalar(value)));
        }
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        if (columns.isEmpty()) {
            return "";
        }
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (String c : columns) {
            int w = header(c).length();
            for (Map<String, String> r : rows) {
                w = Math.max(w, r.getOrDefault(c, "").length());
            }
            widths.put(c, w);
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, columns, widths, c -> header(c));
        appendRow(sb, columns, widths, c -> "-".repeat(widths.get(c)));
        for (Map<String, String> r : rows) {
            appendRow(sb, columns, widths, c -> r.getOrDefault(c, ""));
        }
        return sb.toString();
    }

    /** A backup job, or a non-empty list of nothing but backup jobs. */
    private static boolean isJobs(JsonNode value) {
        if (!value.isArray()) {
            return isJob(value);
        }
        for (JsonNode e : value) {
            if (!isJob(e)) {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private static String header(String column) {
        String last = column.substring(column.lastIndexOf('.') + 1);
        return last.isEmpty() ? column : Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    private static void appendRow(StringBuilder sb, Set<String> columns, Map<String, Integer> widths,
            java.util.function.Function<String, String> cell) {
        List<String> cells = new ArrayList<>();
        for (String c : columns) {
            String v = cell.apply(c);
            cells.add(v + " ".repeat(widths.get(c) - v.length()));
        }
        sb.append(String.join("  ", cells).stripTrailing()).append('\n');
    }
}
