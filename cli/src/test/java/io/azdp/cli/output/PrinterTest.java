package io.azdp.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.azdp.model.AzdpJson;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.job.AzureBackupJobResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void jsonIsStableAndPretty() {
        String json = Printer.render(Printer.tree(new OperationJobExtendedInfo("abc")), OutputFormat.json);
        assertThat(json).startsWith("{\n  \"").endsWith("\n}\n").contains("  \"jobId\" : \"abc\"")
                .contains("  \"objectType\" : \"OperationJobExtendedInfo\"");
    }

    /**
     * Issue 15 (found by HostileServiceIT: a jobId of "\u009b2J" printed raw): whatever characters a server puts in
     * a value, no output format writes a character a terminal acts on, and JSON still parses back to the same value.
     */
    @net.jqwik.api.Property(tries = 300)
    void noFormatWritesAControlCharacterAndJsonRoundTrips(@net.jqwik.api.ForAll("serverText") String text)
            throws Exception {
        JsonNode value = MAPPER.createObjectNode().put("jobId", text);
        for (OutputFormat format : OutputFormat.values()) {
            String out = Printer.render(MAPPER.createArrayNode().add(value), format);
            String body = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
            assertThat(body.chars().filter(c -> c != '\n' && ControlChars.isControl(c)).boxed().toList())
                    .as(format + ": " + out).isEmpty();
        }
        assertThat(MAPPER.readTree(Printer.render(value, OutputFormat.json)).path("jobId").asText()).isEqualTo(text);
        assertThat(MAPPER.readTree(Printer.compact(value)).path("jobId").asText()).isEqualTo(text);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> serverText() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('\u0000', '\u00ff').withChars('\u2028', '\u202e',
                '\u2066', '\u2069', '\u9b54').ofMaxLength(12);
    }

    @Test
    void yamlTsvTableAndNone() throws Exception {
        JsonNode rows = MAPPER.readTree("[{\"name\":\"j1\",\"properties\":{\"status\":\"Completed\"}},"
                + "{\"name\":\"j2\",\"properties\":{\"status\":\"Failed\"}}]");
        assertThat(Printer.render(rows, OutputFormat.tsv)).isEqualTo("j1\tCompleted\nj2\tFailed\n");
        assertThat(Printer.render(rows, OutputFormat.table)).isEqualTo(
                "Name  Status\n----  ---------\nj1    Completed\nj2    Failed\n");
        assertThat(Printer.render(rows, OutputFormat.yaml)).contains("- name: j1").contains("status: Failed");
        assertThat(Printer.render(rows, OutputFormat.none)).isEmpty();
        assertThat(Printer.render(MAPPER.readTree("\"plain\""), OutputFormat.tsv)).isEqualTo("plain\n");
    }

    @Test
    void tableOfJobsShowsTheColumnsPeopleScanForWhileTsvKeepsEverything() throws Exception {
        String job = "{\"id\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v/"
                + "backupJobs/j1\",\"name\":\"j1\",\"type\":\"Microsoft.DataProtection/backupVaults/backupJobs\","
                + "\"properties\":{\"activityID\":\"a1\",\"backupInstanceFriendlyName\":\"db-1\",\"duration\":\"PT3S\","
                + "\"extendedInfo\":{\"additionalDetails\":{\"PolicyRuleName\":\"BackupWeekly\",\"RetentionTag\":\"Weekly\"}},"
                + "\"operation\":\"Backup\",\"startTime\":\"2026-11-24T01:48:24Z\",\"status\":\"Completed\"}}";
        String expected = "Name  Operation  Status     BackupInstance  Rule          RetentionTag  StartTime             Duration\n"
                + "----  ---------  ---------  --------------  ------------  ------------  --------------------  --------\n"
                + "j1    Backup     Completed  db-1            BackupWeekly  Weekly        2026-11-24T01:48:24Z  PT3S\n";
        assertThat(Printer.render(MAPPER.readTree(job), OutputFormat.table)).isEqualTo(expected);
        assertThat(Printer.render(MAPPER.readTree("[" + job + "]"), OutputFormat.table)).isEqualTo(expected);
        assertThat(Printer.render(MAPPER.readTree(job), OutputFormat.tsv)).contains("a1").contains("/backupJobs/j1");
        // a mixed list is not a list of jobs: every field, as before
        assertThat(Printer.render(MAPPER.readTree("[" + job + ",{\"name\":\"x\"}]"), OutputFormat.table))
                .contains("ActivityID");
    }

    private static AzureBackupJobResource job(String json) throws Exception {
        return AzdpJson.newMapper().readValue(json, AzureBackupJobResource.class);
    }

    @Test
    void tsvColumnsAreFixedByTheResultTypeSoAMissingValueIsAnEmptyField() throws Exception {
        AzureBackupJobResource full = job("{\"id\":\"/x/backupJobs/j1\",\"name\":\"j1\",\"type\":\"t\","
                + "\"properties\":{\"operation\":\"Backup\",\"status\":\"Completed\",\"duration\":\"PT3S\","
                + "\"backupInstanceFriendlyName\":\"db-1\"}}");
        AzureBackupJobResource sparse = job("{\"name\":\"j2\",\"properties\":{\"status\":\"Failed\"}}");
        AzureBackupJobResource bare = job("{\"name\":\"j3\"}");
        List<String> columns = Printer.columnsOf(List.of(full, sparse, bare));
        assertThat(columns).startsWith("id", "name", "type").contains("properties.status", "properties.operation");
        assertThat(Printer.columnsOf(bare)).isEqualTo(columns);
        String tsv = Printer.render(Printer.tree(List.of(full, sparse, bare)), OutputFormat.tsv, columns, false);
        List<String[]> rows = tsv.lines().map(l -> l.split("\t", -1)).toList();
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r).hasSize(columns.size()));
        int status = columns.indexOf("properties.status");
        assertThat(rows.stream().map(r -> r[status])).containsExactly("Completed", "Failed", "");
        assertThat(rows.get(2)[columns.indexOf("name")]).isEqualTo("j3");
        // one job alone prints the same columns as the same job in a list
        assertThat(Printer.render(Printer.tree(full), OutputFormat.tsv, Printer.columnsOf(full), false))
                .isEqualTo(tsv.lines().findFirst().orElseThrow() + "\n");
    }

    @Test
    void tsvAfterAQueryUsesTheUnionOfKeysInFirstSeenOrder() throws Exception {
        JsonNode rows = MAPPER.readTree("[{\"a\":1,\"b\":2},{\"b\":3,\"c\":\"x\\ty\"}]");
        assertThat(Printer.render(rows, OutputFormat.tsv)).isEqualTo("1\t2\t\n\t3\tx y\n");
    }

    @Test
    void colouredFormatsColourOnlyWhenAsked() throws Exception {
        JsonNode doc = MAPPER.readTree("{\"name\":\"j1\",\"n\":2,\"ok\":true,\"tags\":[\"a\"]}");
        String plain = Printer.render(doc, OutputFormat.jsonc, List.of(), false);
        assertThat(plain).isEqualTo(Printer.render(doc, OutputFormat.json)).doesNotContain("\u001b");
        String coloured = Printer.render(doc, OutputFormat.jsonc, List.of(), true);
        assertThat(coloured).contains(Colour.KEY + "\"name\"" + Colour.RESET)
                .contains(Colour.STRING + "\"j1\"" + Colour.RESET).contains(Colour.LITERAL + "2" + Colour.RESET)
                .contains(Colour.LITERAL + "true" + Colour.RESET);
        assertThat(coloured.replaceAll("\u001b\\[[0-9]+m", "")).isEqualTo(plain);
        String yaml = Printer.render(doc, OutputFormat.yamlc, List.of(), true);
        assertThat(yaml).contains(Colour.KEY + "name" + Colour.RESET + ": j1");
        assertThat(yaml.replaceAll("\u001b\\[[0-9]+m", "")).isEqualTo(Printer.render(doc, OutputFormat.yaml));
    }
}
