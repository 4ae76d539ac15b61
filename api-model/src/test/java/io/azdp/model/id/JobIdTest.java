package io.azdp.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.model.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobIdTest {
    private static final String VAULT = ResourceIdTest.VAULT;
    private static final String GUID = ResourceIdTest.JOB;

    @Test
    void bareGuid() {
        JobId id = JobId.parse(GUID);
        assertThat(id.guid()).isEqualTo(GUID);
        assertThat(id.armId()).isEmpty();
        assertThat(id).hasToString(GUID);
        BackupVaultId vault = BackupVaultId.parse(VAULT);
        assertThat(id.toArmId(vault)).isEqualTo(vault.job(GUID)).hasToString(VAULT + "/backupJobs/" + GUID);
    }

    @Test
    void fullArmIdAsTheRealServiceSendsIt() {
        JobId id = JobId.parse(VAULT + "/backupJobs/" + GUID);
        assertThat(id.guid()).isEqualTo(GUID);
        assertThat(id.armId()).contains(BackupJobId.parse(VAULT + "/backupJobs/" + GUID));
        assertThat(id).hasToString(VAULT + "/backupJobs/" + GUID);
        assertThat(id.toArmId(BackupVaultId.parse(VAULT.toUpperCase().replace("SUBSCRIPTIONS", "subscriptions")
                .replace("RESOURCEGROUPS", "resourceGroups").replace("PROVIDERS", "providers")
                .replace("BACKUPVAULTS", "backupVaults")))).isSameAs(id.armId().orElseThrow());
        assertThat(JobId.of(id.armId().orElseThrow())).isEqualTo(id);
    }

    @Test
    void armIdIsCanonicalisedAndEqualityIgnoresCase() {
        JobId id = JobId.parse(VAULT.replace("backupVaults", "Backupvaults") + "/BackupJobs/" + GUID.toUpperCase() + "/");
        assertThat(id).hasToString(VAULT + "/backupJobs/" + GUID.toUpperCase());
        assertThat(id).isEqualTo(JobId.parse(VAULT + "/backupJobs/" + GUID)).hasSameHashCodeAs(JobId.parse(VAULT + "/backupJobs/" + GUID));
        assertThat(JobId.parse(GUID)).isNotEqualTo(JobId.parse(VAULT + "/backupJobs/" + GUID));
    }

    @Test
    void theSpecExamplesShortGuidIsTolerated() {
        assertThat(JobId.parse("c60cb49-63e8-4b21-b9bd-26277b3fdfae").guid()).isEqualTo("c60cb49-63e8-4b21-b9bd-26277b3fdfae");
    }

    @Test
    void armIdOfAnotherVaultIsRefused() {
        JobId id = JobId.parse(VAULT + "/backupJobs/" + GUID);
        BackupVaultId other = BackupVaultId.of(ResourceIdTest.SUB, "azdp-demo-rg", "other-vault");
        assertThatThrownBy(() -> id.toArmId(other))
                .isInstanceOf(ValidationException.class)
                .hasMessage("jobId: expected a job of vault " + other + ", got a job of vault " + VAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "job-1", "6f1d2c3b4a594e8f9b7a1c2d3e4f5a6b", "zzzzzzzz-4a59-4e8f-9b7a-1c2d3e4f5a6b"})
    void neitherGuidNorArmIdIsRefused(String value) {
        assertThatThrownBy(() -> JobId.parse(value))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("jobId");
                    assertThat(e.getMessage()).startsWith("jobId: expected a job GUID like"
                            + " 3c60cb49-63e8-4b21-b9bd-26277b3fdfae or a backup job ARM id (/subscriptions/")
                            .endsWith(", got '" + value + "'");
                });
    }

    @Test
    void armIdOfAnotherKindIsRefusedByName() {
        assertThatThrownBy(() -> JobId.parse(VAULT + "/backupInstances/bi"))
                .isInstanceOf(InvalidResourceIdException.class)
                .hasMessageContaining("expected a backup job id").hasMessageContaining("but got a backup instance id");
        assertThatThrownBy(() -> JobId.parse(null)).hasMessageEndingWith("got null");
    }
}
