package io.azdp.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.ValidationException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --output/-o} and {@code --query}. */
public class OutputMixin {
    /** The names -o accepts, for messages. */
    static final List<String> NAMES = Arrays.stream(OutputFormat.values()).map(Enum::name).toList();

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: json, or AZDP_OUTPUT, or the config "
                    + "file's output). json is stable and scriptable; jsonc/yamlc are coloured on a terminal.")
    OutputFormat output;

    @Option(names = "--query", paramLabel = "JMESPATH",
            description = "JMESPath query applied to the result, as in az: properties.status, "
                    + "[?properties.status=='Failed'].name, [].{name:name,status:properties.status}, length(@).")
    String query;

    private boolean colour;

    /**
     * Settles the format before anything is sent: the flag, else {@code configured} (AZDP_OUTPUT or the config file's
     * {@code output}, named by {@code source} in the error when it is not a format), else json.
     */
    public void resolve(Optional<String> configured, String source, boolean stdoutColour) {
        if (output == null) {
            output = configured.map(value -> parse(value, source)).orElse(OutputFormat.json);
        }
        colour = stdoutColour && (output == OutputFormat.jsonc || output == OutputFormat.yamlc);
    }

    static OutputFormat parse(String value, String source) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (OutputFormat f : OutputFormat.values()) {
            if (f.name().equals(v)) {
                return f;
            }
        }
        throw new ValidationException(source, "an output format", source + ": expected one of "
                + String.join(", ", NAMES) + ", got '" + value + "'");
    }

    public OutputFormat format() {
        return output == null ? OutputFormat.json : output;
    }

    public void format(OutputFormat format) {
        this.output = format;
    }

    public String query() {
        return query;
    }

    /** Validates {@code --query} before anything is sent (exit 2 on a bad query). */
    public JsonQuery compiledQuery() {
        return query == null || query.isBlank() ? null : JsonQuery.parse(query);
    }

    /**
     * One line per item of a bulk run, with --query applied: a compact JSON line (NDJSON) for json, yaml and table,
     * which have no one-line form; tab-separated values for tsv; nothing for none.
     */
    public void printLine(PrintWriter out, Object value) {
        OutputFormat format = format();
        if (format == OutputFormat.none) {
            return;
        }
        JsonQuery q = compiledQuery();
        JsonNode tree = Printer.tree(value);
        String line;
        if (format == OutputFormat.tsv) {
            List<String> columns = q == null ? Printer.columnsOf(value) : null;
            tree = q == null ? tree : q.apply(tree);
            line = Printer.render(tree, OutputFormat.tsv, columns == null ? TsvColumns.fromData(tree) : columns, false);
        } else {
            line = Printer.compact(q == null ? tree : q.apply(tree)) + "\n";
        }
        synchronized (out) {
            out.print(line);
            out.flush();
        }
    }

    public void print(PrintWriter out, Object value) {
        JsonQuery q = compiledQuery();
        JsonNode tree = Printer.tree(value);
        List<String> columns;
        if (q == null) {
            columns = format() == OutputFormat.tsv ? Printer.columnsOf(value) : List.of();
        } else {
            tree = q.apply(tree);
            columns = TsvColumns.fromData(tree);
        }
        out.print(Printer.render(tree, format(), columns, colour));
        out.flush();
    }
}
