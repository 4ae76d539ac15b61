package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void standardMessageNamesFieldRuleAndValue() {
        ValidationException e = ValidationException.of("vaultName", "2-50 letters", "x");
        assertThat(e).hasMessage("vaultName: expected 2-50 letters, got 'x'");
        assertThat(e.field()).isEqualTo("vaultName");
        assertThat(e.expected()).isEqualTo("2-50 letters");
        assertThat(e).isInstanceOf(RuntimeException.class);
    }

    @Test
    void valuesAreQuotedShortenedAndStrippedOfControlCharacters() {
        assertThat(ValidationException.quote(null)).isEqualTo("null");
        assertThat(ValidationException.quote("a\nb")).isEqualTo("'a\\u000ab'");
        assertThat(ValidationException.quote("x".repeat(200))).hasSize(125).endsWith("...'");
    }
}
