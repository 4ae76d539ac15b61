package io.azdp.cli.output;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --output/-o} and {@code --query}. */
public class OutputMixin {

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json is stable and scriptable.",
            defaultValue = "json")
    OutputFormat output = OutputFormat.json;

    @Option(names = "--query", paramLabel = "JMESPATH",
            description = "JMESPath query applied to the result, as in az: properties.status, "
                    + "[?properties.status=='Failed'].name, [].{name:name,status:properties.status}, length(@).")
    String query;

    public OutputFormat format() {
        return output;
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
        if (output == OutputFormat.none) {
            return;
        }
        JsonQuery q = compiledQuery();
        var tree = Printer.tree(value);
        if (q != null) {
            tree = q.apply(tree);
        }
        String line = output == OutputFormat.tsv ? Printer.render(tree, OutputFormat.tsv) : Printer.compact(tree) + "\n";
        synchronized (out) {
            out.print(line);
            out.flush();
        }
    }

    public void print(PrintWriter out, Object value) {
        JsonQuery q = compiledQuery();
        var tree = Printer.tree(value);
        if (q != null) {
            tree = q.apply(tree);
        }
        out.print(Printer.render(tree, output));
        out.flush();
    }
}
