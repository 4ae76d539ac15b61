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
    /** The first error of --query on a line of {@link #printLine} (the line was printed without it). */
    private final java.util.concurrent.atomic.AtomicReference<String> lineQueryError =
            new java.util.concurrent.atomic.AtomicReference<>();

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
        if (q != null) {
            try {
                q.apply(tree);
            } catch (ValidationException queryFailed) {
                // a bulk line is an item the service may have accepted: print it whole, and say so at the end
                lineQueryError.compareAndSet(null, queryFailed.getMessage());
                q = null;
            }
        }
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

    /**
     * {@link #print} for a result the service produced after it accepted a backup (issue 13): a query that compiled
     * but cannot run on this result must not hide it, so the result is printed without the query and the query's error
     * is returned for the caller to end with a service-class exit; empty when the query ran (or there is none).
     */
    public Optional<String> printAccepted(PrintWriter out, Object value) {
        try {
            print(out, value);
            return Optional.empty();
        } catch (ValidationException queryFailed) {
            JsonNode tree = Printer.tree(value);
            List<String> columns = format() == OutputFormat.tsv ? Printer.columnsOf(value) : List.of();
            out.print(Printer.render(tree, format(), columns, colour));
            out.flush();
            return Optional.of(queryFailed.getMessage() + " (the result is printed without --query)");
        }
    }

    /** The first --query error of {@link #printLine}: those lines were printed without the query. */
    public Optional<String> lineQueryError() {
        return Optional.ofNullable(lineQueryError.get());
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
