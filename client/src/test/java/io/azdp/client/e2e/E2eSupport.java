package io.azdp.client.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

import io.azdp.client.DataProtectionClient;
import io.azdp.client.DataProtectionClientBuilder;
import io.azdp.client.lro.Sleeper;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.mock.junit.AzdpMockServer;
import io.azdp.model.mock.ControlPlane;
import io.azdp.mock.junit.AzdpMockTestResource;
import io.azdp.mock.junit.InjectAzdpMock;
import io.azdp.model.id.BackupVaultId;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.smallrye.mutiny.Uni;

/**
 * Shared set-up of the end-to-end tests: one emulator process for the whole suite (started by mock-junit's
 * {@link AzdpMockTestResource}, which also points {@code azdp.*} at it), reset before every test, and clients built
 * against it. Short operation and job durations keep the suite fast.
 */
@QuarkusTestResource(value = AzdpMockTestResource.class, initArgs = {
        @ResourceArg(name = "azdp.mock.operation-duration", value = "PT0.3S"),
        @ResourceArg(name = "azdp.mock.job-duration", value = "PT0.5S"),
        @ResourceArg(name = "azdp.mock.job-page-size", value = "2") })
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class E2eSupport {
    static final BackupVaultId VAULT = BackupVaultId.of(Mock.SUBSCRIPTION, Mock.RESOURCE_GROUP, Mock.VAULT);
    static final BackupInstanceId INSTANCE = VAULT.instance(Mock.INSTANCE);
    static final String SCENARIO = ControlPlane.SCENARIO_HEADER;

    final List<DataProtectionClient> clients = new ArrayList<>();
    /** Every delay the clients asked for (the real sleeper still waits them). */
    final List<Duration> delays = new CopyOnWriteArrayList<>();

    @InjectAzdpMock
    AzdpMockServer server;

    Mock mock() {
        return new Mock(server);
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

    /** A client with the emulator's credentials, polling at the 1 s floor, and {@code scenario} on every request. */
    DataProtectionClient client(String scenario) {
        return client(scenario, b -> {
        });
    }

    DataProtectionClient client(String scenario, Consumer<DataProtectionClientBuilder> customize) {
        Sleeper real = Sleeper.system();
        DataProtectionClientBuilder b = DataProtectionClient.builder().environment(Map.of())
                .endpoint(mock().baseUrl()).tenantId(Mock.TENANT).clientId(Mock.CLIENT_ID)
                .clientSecret(Mock.CLIENT_SECRET).subscriptionId(Mock.SUBSCRIPTION)
                // the shortest interval a client may choose (shorter ones are raised to it with a warning)
                .pollInterval(Duration.ofSeconds(1)).jobPollInterval(Duration.ofSeconds(1))
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
