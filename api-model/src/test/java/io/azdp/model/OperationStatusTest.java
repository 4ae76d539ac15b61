package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OperationStatusTest {

    @ParameterizedTest(name = "{0}: terminal={1} succeeded={2} failed={3} canceled={4}")
    @CsvSource({
            "Succeeded, true, true, false, false",
            "succeeded, true, true, false, false",
            "SUCCEEDED, true, true, false, false",
            "Failed, true, false, true, false",
            "failed, true, false, true, false",
            "Canceled, true, false, false, true",
            "Cancelled, true, false, false, true",
            "Inprogress, false, false, false, false",
            "InProgress, false, false, false, false",
            "Running, false, false, false, false",
            "Accepted, false, false, false, false",
            "SomethingNew, false, false, false, false"})
    void terminalDetectionIsCaseInsensitiveAndEverythingElseIsRunning(String value, boolean terminal,
            boolean succeeded, boolean failed, boolean canceled) {
        OperationStatus s = OperationStatus.of(value);
        assertThat(s.isTerminal()).isEqualTo(terminal);
        assertThat(s.isSucceeded()).isEqualTo(succeeded);
        assertThat(s.isFailed()).isEqualTo(failed);
        assertThat(s.isCanceled()).isEqualTo(canceled);
        assertThat(s.value()).isEqualTo(value);
    }

    @Test
    void constantsUseTheServiceSpelling() {
        assertThat(OperationStatus.IN_PROGRESS.value()).isEqualTo("Inprogress");
        assertThat(OperationStatus.SUCCEEDED.value()).isEqualTo("Succeeded");
        assertThat(OperationStatus.FAILED.value()).isEqualTo("Failed");
        assertThat(OperationStatus.CANCELED.value()).isEqualTo("Canceled");
    }

    @Test
    void equalityIgnoresCase() {
        assertThat(OperationStatus.of("INPROGRESS")).isEqualTo(OperationStatus.IN_PROGRESS)
                .hasSameHashCodeAs(OperationStatus.IN_PROGRESS);
        assertThat(OperationStatus.of("InProgress")).isEqualTo(OperationStatus.IN_PROGRESS);
        assertThat(OperationStatus.of("Failed")).isNotEqualTo(OperationStatus.SUCCEEDED);
        assertThat(OperationStatus.of(null)).isNull();
    }

    @Test
    void unknownValuesArePreservedOnWrite() {
        OperationResource op = AzdpJson.read("{\"status\":\"WaitingForDependency\"}", OperationResource.class);
        assertThat(op.status().isTerminal()).isFalse();
        assertThat(AzdpJson.write(op)).isEqualTo("{\"status\":\"WaitingForDependency\"}");
        assertThat(AzdpJson.write(OperationStatus.of("succeeded"))).isEqualTo("\"succeeded\"");
        assertThat(OperationStatus.of("x").toString()).isEqualTo("x");
    }
}
