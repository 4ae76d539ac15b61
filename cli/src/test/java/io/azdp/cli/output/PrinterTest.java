package io.azdp.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.azdp.model.OperationJobExtendedInfo;
import org.junit.jupiter.api.Test;

class PrinterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void jsonIsStableAndPretty() {
        String json = Printer.render(Printer.tree(new OperationJobExtendedInfo("abc")), OutputFormat.json);
        assertThat(json).startsWith("{\n  \"").endsWith("\n}\n").contains("  \"jobId\" : \"abc\"")
                .contains("  \"objectType\" : \"OperationJobExtendedInfo\"");
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
}
