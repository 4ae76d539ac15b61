package io.azdp.cli.input;

import com.fasterxml.jackson.databind.JsonNode;

/** One bulk-input record and where it came from ({@code file:line}). */
public record InputRecord(String location, JsonNode fields) {
}
