package io.azdp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
    private static final List<String> STATUSES = List.of("InProgress", "Completed", "CompletedWithWarnings", "Failed",
            "Cancelled");

    @Test
    void distanceCountsSingleEdits() {
        assertThat(ClosestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestName.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestName.distance("same", "same")).isZero();
        assertThat(ClosestName.distance("endpont", "endpoint")).isEqualTo(1);
    }

    @Test
    void everySingleDeletionOrSubstitutionOfAValidNameSuggestsThatName() {
        for (String name : STATUSES) {
            for (int i = 0; i < name.length(); i++) {
                String deleted = name.substring(0, i) + name.substring(i + 1);
                String substituted = name.substring(0, i) + '#' + name.substring(i + 1);
                assertThat(ClosestName.among(deleted, STATUSES)).as(deleted).contains(name);
                assertThat(ClosestName.among(substituted, STATUSES)).as(substituted).contains(name);
            }
        }
    }

    @Test
    void farOffNamesGetTheListInstead() {
        assertThat(ClosestName.among("Zebra", STATUSES)).isEmpty();
        assertThat(ClosestName.hint("Zebra", STATUSES))
                .isEqualTo("expected one of InProgress, Completed, CompletedWithWarnings, Failed, Cancelled");
        assertThat(ClosestName.hint("faild", STATUSES)).isEqualTo("did you mean 'Failed'?");
        assertThat(ClosestName.hint("triggerOptions", List.of("ruleName", "triggerOption")))
                .isEqualTo("did you mean 'triggerOption'?");
    }
}
