package io.azdp.model.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.TestFixtures;
import io.azdp.model.id.BackupVaultId;
import org.junit.jupiter.api.Test;

class BackupVaultResourceTest {

    @Test
    void readsTheVaultKeepingSettingsAsTrees() {
        BackupVaultResource v = TestFixtures.read("backup-vault.json", BackupVaultResource.class);
        assertThat(BackupVaultId.parse(v.id())).isEqualTo(BackupVaultId.of(
                "00000000-0000-0000-0000-000000000000", "azdp-demo-rg", "azdp-demo-vault"));
        assertThat(v.name()).isEqualTo("azdp-demo-vault");
        assertThat(v.location()).isEqualTo("westus");
        assertThat(v.identity().path("type").asText()).isEqualTo("SystemAssigned");
        assertThat(v.properties().storageSettings()).containsExactly(new StorageSetting("VaultStore", "ZoneRedundant"));
        assertThat(v.properties().securitySettings().path("immutabilitySettings").path("state").asText())
                .isEqualTo("Disabled");
        assertThat(v.properties().monitoringSettings().path("azureMonitorAlertSettings")
                .path("alertsForAllJobFailures").asText()).isEqualTo("Disabled");
        assertThat(v.properties().featureSettings().has("crossSubscriptionRestoreSettings")).isTrue();
        assertThat(v.properties().secureScore()).isEqualTo("Minimum");
        assertThat(v.properties().bcdrSecurityLevel()).isEqualTo("Fair");
    }

    @Test
    void minimalVaultWritesOnlyWhatItHas() {
        BackupVaultResource v = new BackupVaultResource(null, "v", null, "westus", null, null,
                new BackupVault("Succeeded", java.util.List.of(new StorageSetting("VaultStore", "LocallyRedundant")),
                        null, null, null, null, null));
        assertThat(AzdpJson.write(v)).isEqualTo("{\"name\":\"v\",\"location\":\"westus\",\"properties\":"
                + "{\"provisioningState\":\"Succeeded\",\"storageSettings\":[{\"datastoreType\":\"VaultStore\","
                + "\"type\":\"LocallyRedundant\"}]}}");
    }
}
