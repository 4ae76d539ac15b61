package io.azdp.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.azdp.cli.common.ErrorMapper;
import io.azdp.cli.common.ExitCode;
import io.azdp.model.ValidationException;
import org.junit.jupiter.api.Test;

class JsonQueryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode doc() throws Exception {
        return MAPPER.readTree("""
                {"properties":{"status":"Completed","extendedInfo":{"additionalDetails":{"RetentionTag":"Weekly"}}},
                 "value":[{"name":"a","n":1},{"name":"b","n":2},{"other":true}],
                 "odd key":"x"}""");
    }

    private static JsonNode jobs() throws Exception {
        return MAPPER.readTree("""
                [{"name":"j1","properties":{"status":"Failed"}},
                 {"name":"j2","properties":{"status":"Completed"}},
                 {"name":"j3","properties":{"status":"Failed"}},
                 {"name":"j4"}]""");
    }

    @Test
    void membersIndexesAndProjections() throws Exception {
        JsonNode d = doc();
        assertThat(JsonQuery.parse("properties.status").apply(d).asText()).isEqualTo("Completed");
        assertThat(JsonQuery.parse("properties.extendedInfo.additionalDetails.RetentionTag").apply(d).asText())
                .isEqualTo("Weekly");
        assertThat(JsonQuery.parse("value[0].name").apply(d).asText()).isEqualTo("a");
        assertThat(JsonQuery.parse("value[-2].name").apply(d).asText()).isEqualTo("b");
        assertThat(JsonQuery.parse("value[*].name").apply(d).toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(JsonQuery.parse("\"odd key\"").apply(d).asText()).isEqualTo("x");
        assertThat(JsonQuery.parse("").apply(d)).isEqualTo(d);
    }

    @Test
    void whatAzUsersTypeWorks() throws Exception {
        JsonNode j = jobs();
        assertThat(JsonQuery.parse("[?properties.status=='Failed'].name").apply(j).toString())
                .isEqualTo("[\"j1\",\"j3\"]");
        assertThat(JsonQuery.parse("[].{name:name,status:properties.status}").apply(j).toString())
                .isEqualTo("[{\"name\":\"j1\",\"status\":\"Failed\"},{\"name\":\"j2\",\"status\":\"Completed\"},"
                        + "{\"name\":\"j3\",\"status\":\"Failed\"},{\"name\":\"j4\",\"status\":null}]");
        assertThat(JsonQuery.parse("length(@)").apply(j).asInt()).isEqualTo(4);
        assertThat(JsonQuery.parse("length([?properties.status=='Failed'])").apply(j).asInt()).isEqualTo(2);
        assertThat(JsonQuery.parse("sort_by(@, &name)[-1].name").apply(j).asText()).isEqualTo("j4");
    }

    @Test
    void missingYieldsNull() throws Exception {
        JsonNode d = doc();
        assertThat(JsonQuery.parse("properties.nope.deeper").apply(d).isNull()).isTrue();
        assertThat(JsonQuery.parse("value[9]").apply(d).isNull()).isTrue();
        assertThat(JsonQuery.parse("properties[0]").apply(d).isNull()).isTrue();
    }

    @Test
    void badSyntaxIsAUsageErrorNamingTheFlagAndThePosition() {
        for (String bad : new String[] { "a..b", "a[", "[?status=='x'", "a.", "a b", ".a", "nosuchfn(@)" }) {
            assertThatThrownBy(() -> JsonQuery.parse(bad)).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("--query: expected a valid JMESPath expression")
                    .satisfies(e -> assertThat(ErrorMapper.exitCode(e)).isEqualTo(ExitCode.USAGE))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> JsonQuery.parse("a..b")).hasMessageContaining("at position 2");
    }

    @Test
    void aFunctionGivenTheWrongTypeIsAUsageError() throws Exception {
        assertThatThrownBy(() -> JsonQuery.parse("length(value[0].n)").apply(doc()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("--query: cannot evaluate");
    }
}
