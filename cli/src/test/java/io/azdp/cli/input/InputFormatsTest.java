package io.azdp.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.model.TriggerBackupRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFormatsTest {
    private final InputFormats formats = new InputFormats(List.of(new JsonInputFormat(), new YamlInputFormat(),
            new CsvInputFormat(), new JsonLinesInputFormat()));

    private static InputSource src(String name, String text) {
        return new InputSource(name, text, InputSource.extensionOf(name));
    }

    @Test
    void selectsByFlagThenExtensionThenSniffing() {
        assertThat(formats.select("YAML", src("x.json", "{}")).name()).isEqualTo("yaml");
        assertThat(formats.select(null, src("x.yml", "{}")).name()).isEqualTo("yaml");
        assertThat(formats.select(null, src("x.ndjson", "")).name()).isEqualTo("jsonl");
        assertThat(formats.select(null, src("<stdin>", "{\"a\":1}")).name()).isEqualTo("json");
        assertThat(formats.select(null, src("<stdin>", "{\"a\":1}\n{\"a\":2}\n")).name()).isEqualTo("jsonl");
        assertThat(formats.select(null, src("<stdin>", "backupRuleOptions:\n  ruleName: X\n")).name()).isEqualTo("yaml");
        assertThat(formats.select(null, src("<stdin>", "id,ruleName\n/subscriptions/x,BackupWeekly\n")).name())
                .isEqualTo("csv");
        assertThatThrownBy(() -> formats.select("xml", src("a", "")))
                .hasMessage("--input-format: expected one of csv, json, jsonl, yaml, got 'xml'");
    }

    @Test
    void readsTheWholeRequestFromJsonAndYaml() {
        TriggerBackupRequest fromJson = formats.readTriggerRequest(null, src("r.json",
                "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":{\"retentionTagOverride\":\"Weekly\"}}}"));
        TriggerBackupRequest fromYaml = formats.readTriggerRequest(null, src("r.yaml",
                "backupRuleOptions:\n  ruleName: BackupWeekly\n  triggerOption:\n    retentionTagOverride: Weekly\n"));
        assertThat(fromJson).isEqualTo(TriggerBackupRequest.of("BackupWeekly", "Weekly")).isEqualTo(fromYaml);
    }

    @Test
    void errorsNameSourceLineFieldAndExpectation() {
        assertThatThrownBy(() -> formats.readTriggerRequest(null, src("r.json", "{\n \"backupRuleOptions\": {\n  \"ruleName\": ,\n}}")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("r.json:3: expected valid json:");
        assertThatThrownBy(() -> formats.readTriggerRequest(null, src("r.json", "{\"backupRuleOptions\":{\"ruleName\":[1]}}")))
                .isInstanceOf(InputException.class).hasMessage("r.json: $.backupRuleOptions.ruleName: expected a string but got an array");
        assertThatThrownBy(() -> formats.readTriggerRequest(null, src("r.json", "{\"backupRuleOptions\":{}}")))
                .hasMessageStartingWith("r.json: $.backupRuleOptions.ruleName: expected the name of an AzureBackupRule");
        assertThatThrownBy(() -> formats.readTriggerRequest(null, src("r.json", "[]")))
                .hasMessageStartingWith("r.json: $: expected an object");
        assertThatThrownBy(() -> formats.readTriggerRequest(null, src("r.json", "  ")))
                .hasMessage("r.json: expected a json document but the input is empty");
        assertThatThrownBy(() -> formats.readTriggerRequest("csv", src("r.csv", "a,b\n1,2\n")))
                .hasMessageStartingWith("r.csv: the csv format holds one record per row");
    }

    @Test
    void readsRecordsWithLineNumbers() {
        List<InputRecord> csv = formats.readRecords(null, src("i.csv",
                "id,ruleName\n/subscriptions/a,R1\n\n/subscriptions/b,\n"));
        assertThat(csv).extracting(InputRecord::location).containsExactly("i.csv:2", "i.csv:4");
        assertThat(csv.get(1).fields().has("ruleName")).isFalse();
        List<InputRecord> jsonl = formats.readRecords(null, src("i.jsonl", "{\"id\":\"a\"}\n# comment\n\n{\"id\":\"b\"}\n"));
        assertThat(jsonl).extracting(InputRecord::location).containsExactly("i.jsonl:1", "i.jsonl:4");
        List<InputRecord> json = formats.readRecords(null, src("i.json", "[\n \"/subscriptions/a\",\n {\"id\": \"b\"}\n]"));
        assertThat(json).extracting(InputRecord::location).containsExactly("i.json:2", "i.json:3");
        assertThat(json.get(0).fields().get("id").asText()).isEqualTo("/subscriptions/a");
        List<InputRecord> yaml = formats.readRecords(null, src("i.yaml", "- id: a\n- id: b\n  ruleName: R\n"));
        assertThat(yaml).hasSize(2);
        assertThatThrownBy(() -> formats.readRecords(null, src("i.jsonl", "{\"id\":\"a\"}\n{oops\n")))
                .hasMessageStartingWith("i.jsonl:2: expected one JSON value per line");
        assertThatThrownBy(() -> formats.readRecords(null, src("i.json", "[1]")))
                .hasMessageStartingWith("i.json:1: expected an object");
    }

    @Test
    void readsFilesAndNamesMissingOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("req.yaml");
        Files.writeString(file, "backupRuleOptions: {ruleName: R}\n");
        InputSource source = InputSource.read("--json-file-path", file.toString(), System.in);
        assertThat(source.extension()).isEqualTo(Optional.of("yaml"));
        assertThatThrownBy(() -> InputSource.read("--json-file-path", dir.resolve("nope.json").toString(), System.in))
                .hasMessage("--json-file-path: file '" + dir.resolve("nope.json") + "' does not exist");
        assertThatThrownBy(() -> InputSource.read("--json-file-path", dir.toString(), System.in))
                .hasMessageContaining("is a directory");
    }

    @Test
    void anUnknownMemberOfTheRequestIsRefusedNamingTheClosestValidOne() {
        assertThatThrownBy(() -> formats.readTriggerRequest(null, src("r.json",
                "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOptions\":{\"retentionTagOverride\":\"Weekly\"}}}")))
                .isInstanceOf(InputException.class)
                .hasMessage("r.json: $.backupRuleOptions.triggerOptions: unknown member; did you mean 'triggerOption'?");
        assertThatThrownBy(() -> formats.readTriggerRequest(null, src("r.yaml",
                "backupRuleOptions:\n  ruleName: BackupWeekly\n  triggerOption:\n    retentionTag: Weekly\n")))
                .hasMessage("r.yaml: $.backupRuleOptions.triggerOption.retentionTag: unknown member; "
                        + "expected one of retentionTagOverride");
        assertThatThrownBy(() -> formats.readTriggerRequest(null, src("r.json", "{\"rule\":\"x\"}")))
                .hasMessage("r.json: $.rule: unknown member; expected one of backupRuleOptions");
    }
}
