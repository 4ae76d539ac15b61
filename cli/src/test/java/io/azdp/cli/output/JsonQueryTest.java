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

    @Test
    void membersIndexesAndProjections() throws Exception {
        JsonNode d = doc();
        assertThat(JsonQuery.parse("properties.status").apply(d).asText()).isEqualTo("Completed");
        assertThat(JsonQuery.parse("$.properties.extendedInfo.additionalDetails.RetentionTag").apply(d).asText())
                .isEqualTo("Weekly");
        assertThat(JsonQuery.parse("value[0].name").apply(d).asText()).isEqualTo("a");
        assertThat(JsonQuery.parse("value[-2].name").apply(d).asText()).isEqualTo("b");
        assertThat(JsonQuery.parse("value[*].name").apply(d).toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(JsonQuery.parse("\"odd key\"").apply(d).asText()).isEqualTo("x");
        assertThat(JsonQuery.parse("").apply(d)).isEqualTo(d);
    }

    @Test
    void missingYieldsNull() throws Exception {
        JsonNode d = doc();
        assertThat(JsonQuery.parse("properties.nope.deeper").apply(d).isNull()).isTrue();
        assertThat(JsonQuery.parse("value[9]").apply(d).isNull()).isTrue();
        assertThat(JsonQuery.parse("properties[0]").apply(d).isNull()).isTrue();
    }

    @Test
    void badSyntaxIsAUsageErrorNamingTheFlag() {
        for (String bad : new String[] { "a..b", "a[", "a[x]", "a.", "a b", ".a" }) {
            assertThatThrownBy(() -> JsonQuery.parse(bad)).isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("--query: expected")
                    .satisfies(e -> assertThat(ErrorMapper.exitCode(e)).isEqualTo(ExitCode.USAGE));
        }
    }
}
