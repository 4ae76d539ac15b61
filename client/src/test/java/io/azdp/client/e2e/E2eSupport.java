package io.azdp.client.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.azdp.client.DataProtectionClient;
import io.azdp.client.Sleeper;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupVaultId;
import io.smallrye.mutiny.Uni;

/** Shared set-up of the end-to-end tests: a reset emulator and clients built against it. */
abstract class E2eSupport {
    static final BackupVaultId VAULT = BackupVaultId.of(Mock.SUBSCRIPTION, Mock.RESOURCE_GROUP, Mock.VAULT);
    static final BackupInstanceId INSTANCE = VAULT.instance(Mock.INSTANCE);
    static final String SCENARIO = "x-azdp-mock-scenario";

    final List<DataProtectionClient> clients = new ArrayList<>();
    /** Every delay the clients asked for (the real sleeper still waits them). */
    final List<Duration> delays = new CopyOnWriteArrayList<>();

    Mock mock() {
        return MockProcess.mock();
    }

    @BeforeEach
    void resetEmulator() {
        mock().reset();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(DataProtectionClient::close);
        clients.clear();
    }

    /** A client with the emulator's credentials, fast polling, and {@code scenario} on every request. */
    DataProtectionClient client(String scenario) {
        return client(scenario, b -> {
        });
    }

    DataProtectionClient client(String scenario, Consumer<DataProtectionClient.Builder> customize) {
        Sleeper real = Sleeper.system();
        DataProtectionClient.Builder b = DataProtectionClient.builder().environment(Map.of())
                .endpoint(mock().baseUrl()).tenantId(Mock.TENANT).clientId(Mock.CLIENT_ID)
                .clientSecret(Mock.CLIENT_SECRET).subscriptionId(Mock.SUBSCRIPTION)
                .pollInterval(Duration.ofMillis(200)).jobPollInterval(Duration.ofMillis(200))
                .maxPollInterval(Duration.ofSeconds(1))
                .retryPolicy(new io.azdp.client.RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(400),
                        Duration.ofSeconds(5)))
                .sleeper(d -> {
                    delays.add(d);
                    return real.sleep(d);
                });
        if (scenario != null) {
            b.header(SCENARIO, scenario);
        }
        customize.accept(b);
        DataProtectionClient c = b.build();
        clients.add(c);
        return c;
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofMinutes(2));
    }
}
