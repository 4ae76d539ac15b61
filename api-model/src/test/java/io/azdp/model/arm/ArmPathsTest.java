package io.azdp.model.arm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArmPathsTest {
    private static final String VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
            + "/providers/Microsoft.DataProtection/backupVaults/vault";

    @Test
    void operationUrlsAreToldApartCaseInsensitively() {
        assertThat(ArmPaths.isOperationResultPath("/subscriptions/s/providers/Microsoft.DataProtection/locations/w"
                + "/operationResults/b3A=")).isTrue();
        assertThat(ArmPaths.isOperationResultPath("/x/OPERATIONRESULTS/y")).isTrue();
        assertThat(ArmPaths.isOperationResultPath(VAULT + "/operationStatus/b3A=")).isFalse();
        assertThat(ArmPaths.isOperationResultPath(null)).isFalse();
        assertThat(ArmPaths.beforeOperationStatus(VAULT + "/OperationStatus/x")).isEqualTo(VAULT);
        assertThat(ArmPaths.beforeOperationStatus(VAULT + "/operationResults/x")).isNull();
    }

    @Test
    void templatesNestUnderTheVault() {
        assertThat(ArmPaths.ADHOC_BACKUP).isEqualTo("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
                + "/providers/Microsoft.DataProtection/backupVaults/{vaultName}/backupInstances/{backupInstanceName}"
                + "/backup");
        assertThat(ArmPaths.VAULT_OPERATION_STATUS).endsWith("/backupVaults/{vaultName}/operationStatus/{operationId}");
    }
}
