package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.AzureBackupJobResourceList;
import io.azdp.model.policy.BaseBackupPolicyResource;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzdpJsonTest {

    @Test
    void newMapperIsTolerantWritesIsoDatesAndOmitsNulls() throws Exception {
        ObjectMapper mapper = AzdpJson.newMapper();
        assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
        assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();

        OperationResource op = new OperationResource("id", "op", OperationStatus.IN_PROGRESS,
                OffsetDateTime.parse("2026-11-23T09:15:02.5+01:00"), null, null, null);
        assertThat(mapper.writeValueAsString(op))
                .isEqualTo("{\"id\":\"id\",\"name\":\"op\",\"status\":\"Inprogress\","
                        + "\"startTime\":\"2026-11-23T09:15:02.5+01:00\"}");
    }

    @Test
    void configureAppliesTheSameSettingsToAMapperSomeoneElseOwns() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        assertThat(AzdpJson.configure(plain)).isSameAs(plain);
        assertThat(plain.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
        OperationResource op = plain.readValue("{\"status\":\"Inprogress\",\"endTime\":\"0001-01-01T00:00:00Z\","
                + "\"brandNew\":[1,2]}", OperationResource.class);
        assertThat(op.endTime()).isEqualTo(OffsetDateTime.parse("0001-01-01T00:00:00Z"));
        assertThat(plain.writeValueAsString(op)).isEqualTo("{\"status\":\"Inprogress\",\"endTime\":\"0001-01-01T00:00:00Z\"}");
    }

    @Test
    void wrongTypeNamesThePathAndWhatWasExpected() {
        assertThatThrownBy(() -> AzdpJson.read("{\"backupRuleOptions\":{\"ruleName\":[\"BackupWeekly\"]}}",
                TriggerBackupRequest.class))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.backupRuleOptions.ruleName");
                    assertThat(e.field()).isEqualTo("$.backupRuleOptions.ruleName");
                    assertThat(e.expected()).isEqualTo("a string");
                    assertThat(e.getMessage()).isEqualTo("$.backupRuleOptions.ruleName: expected a string but got an array");
                })
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void objectWhereAStringBelongs() {
        assertThatThrownBy(() -> AzdpJson.read("{\"backupRuleOptions\":{\"ruleName\":{}}}", TriggerBackupRequest.class))
                .hasMessage("$.backupRuleOptions.ruleName: expected a string but got an object");
    }

    @Test
    void arrayIndexesAppearInThePath() {
        String json = "{\"value\":[{\"name\":\"a\"},{\"properties\":{\"startTime\":\"yesterday\"}}]}";
        assertThatThrownBy(() -> AzdpJson.read(json, AzureBackupJobResourceList.class))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.value[1].properties.startTime");
                    assertThat(e.expected()).startsWith("an ISO-8601 date-time");
                    assertThat(e.getMessage()).endsWith("but got 'yesterday'");
                });
    }

    @Test
    void wrongScalarTypes() {
        assertThatThrownBy(() -> AzdpJson.read("{\"properties\":{\"isUserTriggered\":\"perhaps\"}}",
                AzureBackupJobResource.class))
                .hasMessage("$.properties.isUserTriggered: expected a boolean (true or false) but got 'perhaps'");
        assertThatThrownBy(() -> AzdpJson.read("{\"properties\":{\"extendedInfo\":{\"subTasks\":[{\"taskId\":\"one\"}]}}}",
                AzureBackupJobResource.class))
                .hasMessage("$.properties.extendedInfo.subTasks[0].taskId: expected an integer but got 'one'");
        assertThatThrownBy(() -> AzdpJson.read("{\"value\":{}}", AzureBackupJobResourceList.class))
                .hasMessage("$.value: expected an array but got an object");
    }

    @Test
    void badValueInsideAPolymorphicObjectKeepsTheFullPath() {
        String json = "{\"properties\":{\"objectType\":\"BackupPolicy\",\"policyRules\":[{\"objectType\":\"AzureBackupRule\","
                + "\"name\":\"B\",\"trigger\":{\"objectType\":\"ScheduleBasedTriggerContext\",\"taggingCriteria\":"
                + "[{\"taggingPriority\":\"high\"}]}}]}}";
        assertThatThrownBy(() -> AzdpJson.read(json, BaseBackupPolicyResource.class))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> assertThat(e.path())
                        .isEqualTo("$.properties.policyRules[0].trigger.taggingCriteria[0].taggingPriority"));
        assertThatThrownBy(() -> AzdpJson.read("{\"properties\":[\"x\"]}", OperationResource.class))
                .hasMessage("$.properties: expected an object but got an array");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String json = "{\n  \"backupRuleOptions\": {\n    \"ruleName\": \"BackupWeekly\",\n  }\n}";
        assertThatThrownBy(() -> AzdpJson.read(json, TriggerBackupRequest.class))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> {
                    assertThat(e.expected()).isEqualTo("well-formed JSON");
                    assertThat(e.path()).isEqualTo("$.backupRuleOptions.ruleName");
                    assertThat(e.getMessage()).startsWith("$.backupRuleOptions.ruleName: malformed JSON at line 4, column 3: ")
                            .doesNotContain("\n").doesNotContain("Source");
                });
    }

    @Test
    void nestingBeyondTheParserLimitIsBadInputNotAnIoFailure() {
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThatThrownBy(() -> AzdpJson.read(deep, TriggerBackupRequest.class))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> {
                    assertThat(e.path()).isEqualTo("$");
                    assertThat(e.getMessage()).startsWith("$: the document is beyond the parser's limits: ")
                            .contains("nesting depth").doesNotContain("\n");
                });
    }

    @Test
    void truncatedTrailingAndEmptyInput() {
        assertThatThrownBy(() -> AzdpJson.read("{\"backupRuleOptions\":{\"ruleName\":\"B\"", TriggerBackupRequest.class))
                .isInstanceOf(InvalidJsonException.class).hasMessageContaining("malformed JSON at line 1");
        assertThatThrownBy(() -> AzdpJson.read("{} {}", TriggerBackupRequest.class))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> assertThat(e.path()).isEqualTo("$"));
        assertThatThrownBy(() -> AzdpJson.read("", TriggerBackupRequest.class))
                .hasMessage("$: expected a JSON document but the input is empty");
        assertThatThrownBy(() -> AzdpJson.read((String) null, TriggerBackupRequest.class))
                .hasMessage("$: expected a JSON document but got nothing");
        assertThatThrownBy(() -> AzdpJson.read("[1]", TriggerBackupRequest.class))
                .hasMessage("$: expected an object but got an array");
    }

    @Test
    void readsBytesAndGenericTypes() {
        byte[] bytes = TestFixtures.text("trigger-backup-request.json").getBytes(StandardCharsets.UTF_8);
        assertThat(AzdpJson.read(bytes, TriggerBackupRequest.class)).isEqualTo(TriggerBackupRequest.of("BackupWeekly", "Weekly"));
        List<TriggerBackupRequest> list = AzdpJson.read("[{\"backupRuleOptions\":{\"ruleName\":\"A\"}}]",
                new TypeReference<List<TriggerBackupRequest>>() { });
        assertThat(list).extracting(r -> r.backupRuleOptions().ruleName()).containsExactly("A");
        assertThatThrownBy(() -> AzdpJson.read("{\"x\":tru}".getBytes(StandardCharsets.UTF_8), TriggerBackupRequest.class))
                .isInstanceOf(InvalidJsonException.class).hasMessageStartingWith("$.x: malformed JSON at line 1, column ");
    }

    @Test
    void fieldNamesThatAreNotIdentifiersAreBracketed() {
        assertThat(AzdpJson.path(List.of(
                new com.fasterxml.jackson.databind.JsonMappingException.Reference(null, "tags"),
                new com.fasterxml.jackson.databind.JsonMappingException.Reference(null, "my key"),
                new com.fasterxml.jackson.databind.JsonMappingException.Reference(null, 3))))
                .isEqualTo("$.tags['my key'][3]");
    }
}
