package io.azdp.mock.store;

import io.azdp.mock.inventory.VaultEntry;
import io.azdp.mock.inventory.InstanceEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.azdp.mock.MockConfig;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.lro.BackupJob;
import io.azdp.mock.lro.MockClock;
import io.azdp.mock.lro.Operation;
import io.azdp.mock.lro.Scenario;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MockStoreTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private static MockConfig config(int maxJobs, Duration window) {
        MockConfig.ClockConfig clock = (MockConfig.ClockConfig) Proxy.newProxyInstance(
                MockConfig.class.getClassLoader(), new Class<?>[] {MockConfig.ClockConfig.class},
                (proxy, method, args) -> "virtual");
        return (MockConfig) Proxy.newProxyInstance(MockConfig.class.getClassLoader(),
                new Class<?>[] {MockConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "seedFile" -> Optional.empty();
                    case "maxJobs" -> maxJobs;
                    case "retentionWindow" -> window;
                    case "maxSeedInstances" -> 10_000;
                    case "clock" -> clock;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private MockClock clock;

    private MockStore store(int maxJobs) {
        MockConfig config = config(maxJobs, WINDOW);
        clock = new MockClock(config);
        return new MockStore(config, clock);
    }

    /** A job that runs for {@code runs} from now. */
    private BackupJob job(MockStore store, InstanceEntry instance, Duration runs) {
        return new BackupJob(MockStore.newJobGuid(), store.nextJobSeq(), instance, "BackupWeekly", "Default",
                clock.now(), runs, "Completed", "activity");
    }

    private BackupJob job(MockStore store, InstanceEntry instance) {
        return job(store, instance, Duration.ofSeconds(1));
    }

    private Operation op(String id, InstanceEntry instance, BackupJob job, Duration runs) {
        return new Operation(id, instance, "westus", job, clock.now(), runs, Scenario.EMPTY, "2024-04-01");
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ArmException e) {
            return e.status();
        }
    }

    @Test
    void defaultSeedHasTheDocumentedNames() {
        MockStore store = store(10);
        VaultEntry vault = store.vault("00000000-0000-0000-0000-000000000000", "AZDP-DEMO-RG", "azdp-demo-vault")
                .orElseThrow();
        assertThat(vault.location()).isEqualTo("westus");
        assertThat(store.policy(vault, "azdp-demo-policy").orElseThrow().adhocOptions().ruleNames())
                .containsExactly("BackupWeekly");
        assertThat(store.instance(vault, "Azdp-Demo-Instance")).isPresent();
        assertThat(store.isSeeded()).isTrue();
    }

    @Test
    void finishedIdleEntriesAreEvictedOldestFirstAndCounted() {
        MockStore store = store(5);
        VaultEntry vault = store.vaults().iterator().next();
        InstanceEntry instance = store.instances(vault).iterator().next();
        List<BackupJob> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            BackupJob job = job(store, instance);
            assertThat(store.tracked().add(op("op-" + i, instance, job, Duration.ofSeconds(1)), job).evicted()).isEmpty();
            jobs.add(job);
        }
        clock.advance(WINDOW.plusSeconds(1)); // all finished, none used within the window
        for (int i = 5; i < 8; i++) {
            BackupJob job = job(store, instance);
            OperationsAndJobs.Admission admission = store.tracked().add(op("op-" + i, instance, job, Duration.ofSeconds(1)), job);
            assertThat(admission.evicted()).containsExactly("operation op-" + (i - 5),
                    "job " + jobs.get(i - 5).armId());
            jobs.add(job);
        }
        assertThat(store.tracked().jobs()).hasSize(5);
        assertThat(store.tracked().operations()).hasSize(5);
        assertThat(store.tracked().job(vault, jobs.get(2).guid())).isEmpty();
        assertThat(store.tracked().jobEvictedAt(jobs.get(2).guid())).contains(clock.now());
        assertThat(store.tracked().job(vault, jobs.get(3).guid())).isPresent();
        assertThat(store.tracked().operation("op-2")).isEmpty();
        assertThat(store.tracked().operationEvictedAt("op-2")).isPresent();
        assertThat(store.tracked().operationEvictedAt("never-existed")).isEmpty();
        assertThat(store.tracked().operation("op-7")).isPresent();
        assertThat(store.tracked().jobsAfter(vault, 0).values()).containsExactlyElementsOf(jobs.subList(3, 8));
        OperationsAndJobs.RetentionStats stats = store.tracked().retention();
        assertThat(stats.evictedOperations()).isEqualTo(3);
        assertThat(stats.evictedJobs()).isEqualTo(3);
        assertThat(stats.refusedTriggers()).isZero();
        // a reset forgets the evictions too: the id is then simply unknown
        store.reset();
        assertThat(store.tracked().operationEvictedAt("op-2")).isEmpty();
    }

    @Test
    void runningEntriesAreNeverEvictedAndTheTriggerIsRefusedWithRetryAfter() {
        MockStore store = store(3);
        VaultEntry vault = store.vaults().iterator().next();
        InstanceEntry instance = store.instances(vault).iterator().next();
        for (int i = 0; i < 3; i++) {
            BackupJob job = job(store, instance, Duration.ofMinutes(10));
            store.tracked().add(op("op-" + i, instance, job, Duration.ofMinutes(5)), job);
        }
        clock.advance(Duration.ofMinutes(2)); // idle for longer than the window, but still running
        BackupJob job = job(store, instance);
        ArmException refused = catchThrowableOfType(ArmException.class,
                () -> store.tracked().add(op("op-new", instance, job, Duration.ofSeconds(1)), job));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("TooManyRequests");
        assertThat(refused.getMessage()).contains("azdp.mock.max-jobs").contains("azdp.mock.retention-window");
        // the operations end in 3 minutes; the emulator looks again a window (1 min) later at the latest
        assertThat(refused.headers()).containsEntry("Retry-After", "60");
        // neither the refused operation nor its job exists, and nothing was lost
        assertThat(store.tracked().operation("op-new")).isEmpty();
        assertThat(store.tracked().job(vault, job.guid())).isEmpty();
        assertThat(store.tracked().operations()).hasSize(3);
        assertThat(store.tracked().jobs()).hasSize(3);
        assertThat(store.tracked().retention().refusedTriggers()).isEqualTo(1);
        // operations done, jobs still running: the operations cannot make room alone, so nothing is evicted
        clock.advance(Duration.ofMinutes(4));
        BackupJob again = job(store, instance);
        assertThat(status(() -> store.tracked().add(op("op-again", instance, again, Duration.ofSeconds(1)), again)))
                .isEqualTo(429);
        assertThat(store.tracked().operations()).hasSize(3);
        // sync mode (a job alone) is refused the same way
        assertThat(status(() -> store.tracked().addJob(job(store, instance)))).isEqualTo(429);
        clock.advance(Duration.ofMinutes(5)); // jobs done too
        BackupJob later = job(store, instance);
        assertThat(store.tracked().add(op("op-later", instance, later, Duration.ofSeconds(1)), later).evicted()).hasSize(2);
    }

    @Test
    void readOrPolledWithinTheWindowIsKept() {
        // the reproduction, small: a job read every 4th trigger survives a cap of 100 under 400 triggers
        MockStore store = store(100);
        VaultEntry vault = store.vaults().iterator().next();
        InstanceEntry instance = store.instances(vault).iterator().next();
        BackupJob read = job(store, instance);
        store.tracked().addJob(read);
        BackupJob polledJob = job(store, instance);
        store.tracked().add(op("polled", instance, polledJob, Duration.ofSeconds(1)), polledJob);
        int reads = 0;
        for (int i = 0; i < 400; i++) {
            clock.advance(Duration.ofSeconds(2)); // every entry finishes and ages; 400 x 2 s is far beyond the window
            BackupJob job = job(store, instance);
            store.tracked().add(op("op-" + i, instance, job, Duration.ofSeconds(1)), job);
            if (i % 4 == 3) {
                assertThat(store.tracked().job(vault, read.guid())).as("read %d", reads).isPresent();
                assertThat(store.tracked().operation("polled")).as("poll %d", reads).isPresent();
                reads++;
            }
        }
        assertThat(reads).isEqualTo(100);
        // the job of the polled operation was kept by the polls, never read itself
        assertThat(store.tracked().job(vault, polledJob.guid())).isPresent();
        assertThat(store.tracked().retention().evictedJobs()).isEqualTo(302);
        assertThat(store.tracked().jobs()).hasSize(100);
    }

    @Test
    void theJobOfAnUnfinishedOperationIsKept() {
        MockStore store = store(2);
        VaultEntry vault = store.vaults().iterator().next();
        InstanceEntry instance = store.instances(vault).iterator().next();
        BackupJob slowOpJob = job(store, instance, Duration.ofSeconds(1));
        store.tracked().add(op("slow", instance, slowOpJob, Duration.ofHours(1)), slowOpJob);
        BackupJob other = job(store, instance, Duration.ofSeconds(1));
        store.tracked().addJob(other);
        clock.advance(Duration.ofMinutes(10)); // both jobs finished and idle; the operation still runs
        OperationsAndJobs.Admission admission = store.tracked().addJob(job(store, instance));
        assertThat(admission.evicted()).containsExactly("job " + other.armId());
        assertThat(store.tracked().job(vault, slowOpJob.guid())).isPresent();
    }

    @Test
    void pollCountedOperationsStayUntilPolledToTheEnd() {
        MockStore store = store(1);
        VaultEntry vault = store.vaults().iterator().next();
        InstanceEntry instance = store.instances(vault).iterator().next();
        Scenario twoPolls = Scenario.parse("polls=2", java.util.Map.of());
        Operation counted = new Operation("counted", instance, "westus", null, clock.now(), Duration.ZERO, twoPolls,
                "2024-04-01");
        store.tracked().add(counted, null);
        clock.advance(Duration.ofHours(1));
        assertThat(status(() -> store.tracked().add(op("next", instance, null, Duration.ZERO), null))).isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            store.tracked().operation("counted").orElseThrow().poll(clock.now());
        }
        assertThat(counted.peek(clock.now()).done()).isTrue();
        // finished by its last poll, which also used it: a window later it can go
        assertThat(status(() -> store.tracked().add(op("next", instance, null, Duration.ZERO), null))).isEqualTo(429);
        clock.advance(WINDOW);
        assertThat(store.tracked().add(op("next", instance, null, Duration.ZERO), null).evicted())
                .containsExactly("operation counted");
    }

    @Test
    void concurrentAddsLoseNothingBelowTheCap() {
        MockStore store = store(100_000);
        VaultEntry vault = store.vaults().iterator().next();
        InstanceEntry instance = store.instances(vault).iterator().next();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 1000; i++) {
                    store.tracked().addJob(job(store, instance));
                }
            }));
        }
        writers.forEach(CompletableFuture::join);
        assertThat(store.tracked().jobs()).hasSize(8000);
        assertThat(store.tracked().jobsAfter(vault, 0)).hasSize(8000);
    }

    @Test
    void seedErrorsNameTheField() {
        MockStore store = store(10);
        assertThatThrownBy(() -> store.replace(store.parseSeed("""
                subscriptions:
                  - subscriptionId: 00000000-0000-0000-0000-000000000001
                    resourceGroups:
                      - name: rg
                        vaults:
                          - name: v
                            instances:
                              - {name: bi, policy: missing}
                """.getBytes(StandardCharsets.UTF_8)))).isInstanceOf(ArmException.class)
                .hasMessageContaining("policy 'missing'");
        // the previous inventory survives a rejected seed
        assertThat(store.vaults()).hasSize(1);
    }
}
