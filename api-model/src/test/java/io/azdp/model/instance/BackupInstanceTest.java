package io.azdp.model.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.TestFixtures;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupPolicyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackupInstanceTest {

    @Test
    void configuredInstanceAllowsAdhocBackup() {
        BackupInstanceResource r = TestFixtures.read("backup-instance.json", BackupInstanceResource.class);
        assertThat(BackupInstanceId.parse(r.id()).backupInstanceName()).isEqualTo("azdp-demo-instance");
        assertThat(r.tags()).containsEntry("owner", "azdp");
        BackupInstance bi = r.properties();
        assertThat(bi.protectionStatus().status()).isEqualTo("ProtectionConfigured");
        assertThat(bi.currentProtectionState()).isEqualTo("ProtectionConfigured");
        assertThat(BackupPolicyId.parse(bi.policyInfo().policyId()).policyName()).isEqualTo("azdp-demo-policy");
        assertThat(bi.policyInfo().policyVersion()).isEqualTo("1.0");
        assertThat(bi.dataSourceInfo().resourceName()).isEqualTo("azdpdemostore");
        assertThat(bi.dataSourceSetInfo().objectType()).isEqualTo("DatasourceSet");
        assertThat(bi.allowsAdhocBackup()).isTrue();
        assertThat(bi.blockingState()).isEmpty();
        assertThat(AzdpJson.write(bi)).doesNotContain("allowsAdhocBackup").doesNotContain("blockingState");
    }

    @Test
    void instanceInErrorRefusesAndCarriesTheUserFacingError() {
        BackupInstance bi = TestFixtures.read("backup-instance-stopped.json", BackupInstanceResource.class).properties();
        assertThat(bi.allowsAdhocBackup()).isFalse();
        assertThat(bi.blockingState()).contains("ProtectionError");
        assertThat(bi.protectionStatus().errorDetails().code()).isEqualTo("UserErrorMissingPermissions");
        assertThat(bi.protectionStatus().errorDetails().recommendedAction()).hasSize(1);
        assertThat(bi.protectionErrorDetails().message()).contains("identity");
    }

    @ParameterizedTest(name = "status={0} current={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "ProtectionConfigured, ProtectionConfigured, true",
            "null, null, true",
            "ConfiguringProtection, null, true",
            "ProtectionStopped, null, false",
            "protectionstopped, null, false",
            "SoftDeleted, null, false",
            "SoftDeleting, null, false",
            "ConfiguringProtectionFailed, null, false",
            "NotProtected, null, false",
            "ProtectionError, null, false",
            "Invalid, null, false",
            "ProtectionConfigured, SOFTDELETED, false",
            "null, BackupSchedulesSuspended, true",
            "null, ProtectionStopped, false"})
    void allowsAdhocBackupMatrix(String status, String current, boolean allowed) {
        BackupInstance bi = new BackupInstance("n", null, null, null,
                status == null ? null : new ProtectionStatusDetails(null, status), current, null, "Succeeded",
                "BackupInstance");
        assertThat(bi.allowsAdhocBackup()).isEqualTo(allowed);
    }
}
