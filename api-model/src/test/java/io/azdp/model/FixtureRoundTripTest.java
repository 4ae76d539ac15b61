package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.azdp.model.instance.BackupInstanceResource;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.AzureBackupJobResourceList;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.policy.BaseBackupPolicyResourceList;
import io.azdp.model.vault.BackupVaultResource;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture reads, writes back to the same JSON, and reads the same with other mappers. */
class FixtureRoundTripTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("trigger-backup-request.json", TriggerBackupRequest.class),
                Arguments.of("trigger-backup-request-no-override.json", TriggerBackupRequest.class),
                Arguments.of("operation-status-inprogress.json", OperationResource.class),
                Arguments.of("operation-status-succeeded.json", OperationResource.class),
                Arguments.of("operation-status-failed.json", OperationResource.class),
                Arguments.of("operation-status-unknown-properties.json", OperationResource.class),
                Arguments.of("operation-result-job.json", OperationExtendedInfo.class),
                Arguments.of("operation-result-job.json", OperationJobExtendedInfo.class),
                Arguments.of("cloud-error.json", CloudError.class),
                Arguments.of("job-inprogress.json", AzureBackupJobResource.class),
                Arguments.of("job-completed.json", AzureBackupJobResource.class),
                Arguments.of("job-list.json", AzureBackupJobResourceList.class),
                Arguments.of("backup-instance.json", BackupInstanceResource.class),
                Arguments.of("backup-instance-stopped.json", BackupInstanceResource.class),
                Arguments.of("backup-policy.json", BaseBackupPolicyResource.class),
                Arguments.of("backup-policy-adhoc-trigger.json", BaseBackupPolicyResource.class),
                Arguments.of("backup-policy-unknown-kinds.json", BaseBackupPolicyResource.class),
                Arguments.of("backup-policy-list.json", BaseBackupPolicyResourceList.class),
                Arguments.of("backup-vault.json", BackupVaultResource.class));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("fixtures")
    void writesBackTheSameJson(String fixture, Class<?> type) {
        String json = TestFixtures.text(fixture);
        Object value = AzdpJson.read(json, type);
        String written = AzdpJson.write(value);

        assertThat(TestFixtures.sameJson(written, json))
                .as("%s written back:%n%s", fixture, written).isTrue();
        assertThat(AzdpJson.read(written, type)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("fixtures")
    void readsTheSameWithAPlainMapperConfiguredByAzdpJson(String fixture, Class<?> type) throws Exception {
        String json = TestFixtures.text(fixture);
        ObjectMapper plain = AzdpJson.configure(new ObjectMapper());

        assertThat(plain.readValue(json, type)).isEqualTo(AzdpJson.read(json, type));
        assertThat(TestFixtures.sameJson(plain.writeValueAsString(plain.readValue(json, type)), json)).isTrue();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("fixtures")
    void readsWithAStrictMapperThanksToTheRecordAnnotations(String fixture, Class<?> type) throws Exception {
        // FAIL_ON_UNKNOWN_PROPERTIES left on: the records' own @JsonIgnoreProperties must carry the tolerance
        ObjectMapper strict = new ObjectMapper().registerModule(new JavaTimeModule());
        String json = TestFixtures.text(fixture).strip().replaceFirst("^\\{", "{\"someFutureField\":{\"x\":[1]},");

        assertThat(strict.readValue(json, type)).isEqualTo(AzdpJson.read(TestFixtures.text(fixture), type));
    }
}
