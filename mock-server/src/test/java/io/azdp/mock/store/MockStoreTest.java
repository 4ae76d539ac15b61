package io.azdp.mock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.mock.MockConfig;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.lro.BackupJob;
import io.azdp.mock.lro.Operation;
import io.azdp.mock.lro.Scenario;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MockStoreTest {

    private static MockStore store(int maxJobs) {
        MockConfig config = (MockConfig) Proxy.newProxyInstance(MockConfig.class.getClassLoader(),
                new Class<?>[] {MockConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "seedFile" -> Optional.empty();
                    case "maxJobs" -> maxJobs;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new MockStore(config);
    }

    private static BackupJob job(MockStore store, InstanceEntry instance) {
        return new BackupJob(MockStore.newJobGuid(), store.nextJobSeq(), instance, "BackupWeekly", "Default",
                Instant.EPOCH, Duration.ofSeconds(1), "Completed", "activity");
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
    void oldestOperationsAndJobsAreForgottenBeyondTheCap() {
        MockStore store = store(5);
        VaultEntry vault = store.vaults().iterator().next();
        InstanceEntry instance = store.instances(vault).iterator().next();
        List<BackupJob> jobs = new ArrayList<>();
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            BackupJob job = job(store, instance);
            Operation op = new Operation("op-" + i, instance, "westus", job, Instant.EPOCH, Duration.ZERO,
                    Scenario.EMPTY, "2024-04-01");
            store.add(op, job);
            jobs.add(job);
            ops.add(op);
        }
        assertThat(store.jobs()).hasSize(5);
        assertThat(store.operations()).hasSize(5);
        assertThat(store.job(vault, jobs.get(2).guid())).isEmpty();
        assertThat(store.job(vault, jobs.get(3).guid())).isPresent();
        assertThat(store.operation("op-2")).isEmpty();
        assertThat(store.operation("op-7")).isPresent();
        assertThat(store.jobsAfter(vault, 0).values()).containsExactlyElementsOf(jobs.subList(3, 8));
    }

    @Test
    void polledOperationsAndReadJobsSurviveTheSweep() {
        MockStore store = store(3);
        VaultEntry vault = store.vaults().iterator().next();
        InstanceEntry instance = store.instances(vault).iterator().next();
        BackupJob firstJob = job(store, instance);
        Operation first = new Operation("first", instance, "westus", firstJob, Instant.EPOCH, Duration.ZERO,
                Scenario.EMPTY, "2024-04-01");
        store.add(first, firstJob);
        for (int i = 0; i < 10; i++) {
            first.poll(Instant.EPOCH);
            store.job(vault, firstJob.guid());
            BackupJob job = job(store, instance);
            store.add(new Operation("op-" + i, instance, "westus", job, Instant.EPOCH, Duration.ZERO, Scenario.EMPTY,
                    "2024-04-01"), job);
        }
        assertThat(store.operation("first")).isPresent();
        assertThat(store.job(vault, firstJob.guid())).isPresent();
        assertThat(store.operations()).hasSizeLessThanOrEqualTo(4);
        assertThat(store.jobs()).hasSizeLessThanOrEqualTo(4);
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
                    store.addJob(job(store, instance));
                }
            }));
        }
        writers.forEach(CompletableFuture::join);
        assertThat(store.jobs()).hasSize(8000);
        assertThat(store.jobsAfter(vault, 0)).hasSize(8000);
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
