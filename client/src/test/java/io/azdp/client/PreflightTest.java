package io.azdp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.azdp.client.error.ArmException;
import io.azdp.model.AzdpJson;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.instance.BackupInstanceResource;
import io.smallrye.mutiny.Uni;

/** The pre-flight's reading of what the service answered (issue 13): its values are never blamed on the user. */
class PreflightTest {
    private static final BackupInstanceId INSTANCE = BackupInstanceId.parse("/subscriptions/"
            + "00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/vault1"
            + "/backupInstances/inst1");

    @Test
    void aPolicyIdThatIsNotAnArmIdIsAnUnusableAnswerNotBadInput() {
        BackupInstanceResource instance = AzdpJson.read("{\"name\":\"bi\",\"properties\":{\"policyInfo\":"
                + "{\"policyId\":\"policy-7\"},\"protectionStatus\":{\"status\":\"ProtectionConfigured\"}}}",
                BackupInstanceResource.class);
        AtomicInteger policyReads = new AtomicInteger();
        List<String> warnings = new ArrayList<>();
        Preflight preflight = new Preflight(id -> Uni.createFrom().item(instance), id -> {
            policyReads.incrementAndGet();
            return Uni.createFrom().nullItem();
        }, Clock.systemUTC(), warnings::add);

        assertThatThrownBy(() -> preflight.check(INSTANCE, TriggerBackupRequest.of("BackupWeekly", null)).await()
                .atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ArmException.class, e -> {
                    // an answer the client cannot use, like an unreadable 200 body (exit 6); it was a
                    // ValidationException (exit 2, "your input") before
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.getMessage()).startsWith("pre-flight: the service's backup instance inst1 names "
                            + "policyInfo.policyId 'policy-7', which is not a backup policy id");
                });
        assertThat(policyReads).hasValue(0);
        assertThat(warnings).isEmpty();
    }
}
