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

    private static BackupInstanceResource instanceWithoutPolicy() {
        return AzdpJson.read("{\"name\":\"bi\",\"properties\":{\"protectionStatus\":{\"status\":"
                + "\"ProtectionConfigured\"}}}", BackupInstanceResource.class);
    }

    private static BackupInstanceId instance(int n) {
        return BackupInstanceId.parse(INSTANCE.toString().replace("/inst1", "/inst-" + n));
    }

    @Test
    void readsAreReusedWithinTheTtlAndTheCacheStaysBounded() {
        BackupInstanceResource bi = instanceWithoutPolicy();
        AtomicInteger reads = new AtomicInteger();
        io.azdp.client.testing.MutableClock clock = new io.azdp.client.testing.MutableClock(
                java.time.Instant.parse("2026-12-06T00:00:00Z"));
        Preflight preflight = new Preflight(id -> Uni.createFrom().item(() -> {
            reads.incrementAndGet();
            return bi;
        }), id -> Uni.createFrom().nullItem(), clock, w -> {
        });
        TriggerBackupRequest request = TriggerBackupRequest.of("BackupWeekly", null);
        preflight.check(INSTANCE, request).await().atMost(Duration.ofSeconds(5));
        preflight.check(INSTANCE, request).await().atMost(Duration.ofSeconds(5));
        assertThat(reads).as("one read within the TTL").hasValue(1);
        clock.advance(Preflight.TTL.plusSeconds(1));
        preflight.check(INSTANCE, request).await().atMost(Duration.ofSeconds(5));
        assertThat(reads).as("read again after the TTL").hasValue(2);

        // a bulk run over many instances: every one is read, none is kept beyond the bound
        for (int n = 0; n < 2_000; n++) {
            preflight.check(instance(n), request).await().atMost(Duration.ofSeconds(5));
        }
        assertThat(reads).hasValue(2_002);
        assertThat(preflight.cachedInstances()).isLessThanOrEqualTo(Preflight.MAX_ENTRIES);
    }

    @Test
    void aFinishedReadKeepsItsItemNotTheRequestThatFetchedIt() throws Exception {
        // the memoized request held the whole HTTP exchange (request context, headers, body) for every cached read
        BackupInstanceResource bi = instanceWithoutPolicy();
        byte[][] exchange = {new byte[1 << 20]};
        java.lang.ref.WeakReference<byte[]> ref = new java.lang.ref.WeakReference<>(exchange[0]);
        Preflight preflight = new Preflight(id -> {
            byte[] held = exchange[0];
            return Uni.createFrom().item(bi).onItem().invoke(x -> assertThat(held).isNotNull());
        }, id -> Uni.createFrom().nullItem(), Clock.systemUTC(), w -> {
        });
        preflight.check(INSTANCE, TriggerBackupRequest.of("BackupWeekly", null)).await().atMost(Duration.ofSeconds(5));
        exchange[0] = null;
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(ref.get()).as("what the finished request held is collectable").isNull();
        assertThat(preflight.cachedInstances()).isEqualTo(1);
    }
}
