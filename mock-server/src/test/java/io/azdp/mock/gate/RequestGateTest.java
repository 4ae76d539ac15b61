package io.azdp.mock.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.mock.error.UnknownPath;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    private static final String VAULT =
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v";

    @Test
    void rbacActionsLookLikeArms() {
        assertThat(RequestGate.action(HttpMethod.POST, VAULT + "/backupInstances/bi/backup"))
                .isEqualTo(RequestGate.BACKUP_ACTION);
        assertThat(RequestGate.action(HttpMethod.GET, VAULT + "/backupJobs/j"))
                .isEqualTo("Microsoft.DataProtection/backupVaults/backupJobs/read");
        assertThat(RequestGate.action(HttpMethod.GET, VAULT)).isEqualTo("Microsoft.DataProtection/backupVaults/read");
    }

    @Test
    void unknownPathsNameTheResourceType() {
        assertThat(UnknownPath.of(VAULT + "/widgets/w", "2024-04-01").code()).isEqualTo("InvalidResourceType");
        assertThat(UnknownPath.of(VAULT + "/widgets/w", "2024-04-01").getMessage())
                .contains("'backupVaults/widgets'").contains("2024-04-01");
        assertThat(UnknownPath.of("/nothing", null).code()).isEqualTo("NotFound");
        assertThat(RequestGate.isArm("/Subscriptions/x")).isTrue();
        assertThat(RequestGate.isArm("/_mock/reset")).isFalse();
    }
}
