package io.azdp.cli.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OperationWaitCommandTest {
    private static final String VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
            + "/providers/Microsoft.DataProtection/backupVaults/vault";

    @Test
    void theVaultOfAVaultScopedStatusUrlLetsABareJobGuidBeFollowed() {
        URI status = URI.create("https://management.azure.com" + VAULT
                + "/operationStatus/b3A=?api-version=2024-04-01&t=1&c=2");
        assertThat(OperationWaitCommand.vaultOf(status)).hasToString(VAULT);
        // ARM's segment names are case-insensitive
        assertThat(OperationWaitCommand.vaultOf(URI.create("http://localhost:8089" + VAULT + "/OperationStatus/x")))
                .hasToString(VAULT);
    }

    @Test
    void otherStatusUrlsNameNoVault() {
        assertThat(OperationWaitCommand.vaultOf(URI.create("https://management.azure.com/subscriptions/"
                + "00000000-0000-0000-0000-000000000000/providers/Microsoft.DataProtection/locations/westus"
                + "/operationStatus/x"))).isNull();
        assertThat(OperationWaitCommand.vaultOf(null)).isNull();
    }
}
