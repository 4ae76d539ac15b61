package io.azdp.cli.output;

/** Values of {@code --output}. */
public enum OutputFormat {
    json, yaml, table, tsv, none
}
