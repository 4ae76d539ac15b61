package io.azdp.cli.output;

/**
 * Values of {@code --output}, as in az: {@code jsonc} and {@code yamlc} are coloured when stdout is a terminal and
 * {@code NO_COLOR} is unset (else they print as json and yaml).
 */
public enum OutputFormat {
    json, jsonc, yaml, yamlc, table, tsv, none
}
