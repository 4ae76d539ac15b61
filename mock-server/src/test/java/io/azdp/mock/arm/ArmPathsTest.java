package io.azdp.mock.arm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArmPathsTest {

    @Test
    void typeSegmentsGetCanonicalCasingAndNamesKeepTheirs() {
        assertThat(ArmPaths.canonical("/SUBSCRIPTIONS/s/resourcegroups/My-RG/providers/microsoft.dataprotection/"
                + "BACKUPVAULTS/Vault/BackupInstances/Backup/BACKUP"))
                .isEqualTo("/subscriptions/s/resourceGroups/My-RG/providers/Microsoft.DataProtection/backupVaults/"
                        + "Vault/backupInstances/Backup/backup");
        assertThat(ArmPaths.canonical("/subscriptions/s/Providers/Microsoft.DataProtection/Locations/westus/"
                + "OperationResults/abc=="))
                .isEqualTo("/subscriptions/s/providers/Microsoft.DataProtection/locations/westus/operationResults/abc==");
    }

    @Test
    void canonicalPathsAreReturnedAsIs() {
        String path = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v";
        assertThat(ArmPaths.canonical(path)).isSameAs(path);
    }
}
