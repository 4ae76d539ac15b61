package io.azdp.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.client.DataProtectionClient;
import io.azdp.client.auth.AccessToken;
import io.azdp.client.auth.TokenSource;
import io.azdp.client.error.AuthenticationException;
import io.azdp.client.error.AuthorizationFailedException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.error.ServiceUnavailableException;
import io.azdp.client.error.ThrottledException;
import io.azdp.client.testing.MutableClock;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.TriggerBackupRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Retries, throttling, dropped connections and token refresh, end to end against the emulator's fault rules. */
@QuarkusTest
class ResilienceE2ETest extends E2eSupport {
    static final String BACKUP_POST = "/backupInstances/[^/]+/backup$";
    static final AtomicInteger RULES = new AtomicInteger();
    static final TriggerBackupRequest WEEKLY = TriggerBackupRequest.of("BackupWeekly", "Weekly");

    private void fault(String method, String path, int times, String fault) {
        mock().rule("{\"name\":\"fault-" + RULES.incrementAndGet() + "\",\"method\":\"" + method
                + "\",\"path\":\"" + path + "\",\"times\":" + times + ",\"fault\":"
                + fault + "}");
    }

    private OperationJobExtendedInfo backup(DataProtectionClient c) {
        return c.adhocBackup(INSTANCE, WEEKLY, Duration.ofSeconds(30));
    }

    @Test
    void a429BurstOnThePostIsRetriedAfterRetryAfterWithTheSameRequestId() {
        fault("POST", BACKUP_POST, 2, "{\"status\":429,\"retryAfter\":1}");
        assertThat(backup(client("retryAfter=0")).jobId()).isNotBlank();
        List<JsonNode> posts = mock().journal("POST", BACKUP_POST);
        assertThat(posts).extracting(e -> e.path("status").asInt()).containsExactly(429, 429, 202);
        assertThat(posts).extracting(e -> Mock.header(e, "x-ms-client-request-id")).containsOnly(
                Mock.header(posts.get(0), "x-ms-client-request-id"));
        assertThat(delays.stream().filter(d -> d.equals(Duration.ofSeconds(1)))).hasSize(2);
    }

    @Test
    void retriesInsideAPollDoNotCarryTheWaitPastItsDeadline() {
        // every status poll is throttled for 5 s: the retries of one poll alone would take 15 s
        fault("GET", "/operationStatus/", 20, "{\"status\":429,\"retryAfter\":5}");
        AdhocBackupPoller p = client("retryAfter=0;headers=async-only").beginAdhocBackup(INSTANCE, "BackupWeekly",
                null);
        long start = System.nanoTime();
        assertThatThrownBy(() -> p.waitForCompletion(Duration.ofMillis(500)))
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> assertThat(e.resumeToken()).isPresent());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // the deadline (0.5 s) plus the 1 s grace a poll under way gets, with room for a slow machine
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a503BurstOnThePostIsRetriedWithBackoff() {
        fault("POST", BACKUP_POST, 2, "{\"status\":503}");
        assertThat(backup(client("retryAfter=0")).jobId()).isNotBlank();
        assertThat(mock().journal("POST", BACKUP_POST)).extracting(e -> e.path("status").asInt())
                .containsExactly(503, 503, 202);
    }

    @Test
    void a500OnThePostIsNeverRepeated() {
        fault("POST", BACKUP_POST, 1, "{\"status\":500}");
        assertThatThrownBy(() -> backup(client(null))).isInstanceOfSatisfying(ServiceUnavailableException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(500));
        assertThat(mock().journal("POST", BACKUP_POST)).hasSize(1);
    }

    @Test
    void aDroppedConnectionOnThePostIsNotRetried() {
        fault("POST", BACKUP_POST, 1, "{\"drop\":true}");
        assertThatThrownBy(() -> backup(client(null))).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("not retried: the request may have reached the service");
        // a retry would have been answered 202 (the rule drops only once); the emulator journals the dropped request
        // once, with status 0 and the finding 'dropped'
        List<JsonNode> posts = mock().journal("POST", BACKUP_POST);
        assertThat(posts).filteredOn(e -> "dropped".equals(e.path("finding").asText())).hasSize(1);
        assertThat(posts).noneMatch(e -> e.path("status").asInt() == 202);
        assertThat(posts).extracting(e -> Mock.header(e, "x-ms-client-request-id")).containsOnly(
                Mock.header(posts.get(0), "x-ms-client-request-id"));
    }

    @Test
    void persistentThrottlingEndsInThrottledException() {
        fault("POST", BACKUP_POST, 10, "{\"status\":429,\"retryAfter\":0}");
        assertThatThrownBy(() -> backup(client(null))).isInstanceOfSatisfying(ThrottledException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(429));
        assertThat(mock().journal("POST", BACKUP_POST)).hasSize(4);
    }

    @Test
    void throttlingAndOutagesWhilePollingAreRetried() {
        fault("GET", "/operationStatus/", 2, "{\"status\":429,\"retryAfter\":0}");
        fault("GET", "/operationResults/", 2, "{\"status\":503}");
        assertThat(backup(client("retryAfter=0;polls=1")).jobId()).isNotBlank();
        assertThat(mock().journal("GET", "/operationStatus/")).extracting(e -> e.path("status").asInt())
                .startsWith(429, 429, 200);
        assertThat(mock().journal("GET", "/operationResults/")).extracting(e -> e.path("status").asInt())
                .containsExactly(503, 503, 200);
    }

    @Test
    void aDroppedConnectionWhilePollingIsRetried() {
        fault("GET", "/operationStatus/", 1, "{\"drop\":true}");
        assertThat(backup(client("retryAfter=0;polls=1")).jobId()).isNotBlank();
        assertThat(mock().journal("GET", "/operationStatus/"))
                .filteredOn(e -> "dropped".equals(e.path("finding").asText())).hasSize(1);
    }

    @Test
    void anExpiredTokenIsReplacedAndTheRequestRepeated() {
        AtomicInteger fetched = new AtomicInteger();
        TokenSource tokens = new TokenSource() {
            @Override
            public Uni<AccessToken> token() {
                return Uni.createFrom().item(() -> new AccessToken(
                        mock().token(fetched.incrementAndGet() == 1 ? -120 : 3600), null, null));
            }

            @Override
            public boolean invalidate(AccessToken rejected) {
                return true;
            }

            @Override
            public String describe() {
                return "first expired, then fresh";
            }
        };
        DataProtectionClient c = client("mode=sync", b -> b.tokenSource(tokens));
        assertThat(c.beginAdhocBackup(INSTANCE, WEEKLY).isDone()).isTrue();
        List<JsonNode> arm = mock().journal(null, "^/subscriptions/");
        assertThat(arm.get(0).path("status").asInt()).isEqualTo(401);
        assertThat(arm.subList(1, arm.size())).allSatisfy(e -> assertThat(e.path("status").asInt()).isLessThan(300));
        assertThat(Mock.header(arm.get(0), "Authorization")).doesNotStartWith("Bearer ey");
    }

    @Test
    void clientCredentialTokensAreCachedAndRefreshedBeforeExpiry() {
        MutableClock clock = new MutableClock(Instant.now());
        DataProtectionClient c = client(null, b -> b.clock(clock));
        c.getBackupInstance(INSTANCE);
        c.getBackupVault(VAULT);
        clock.advance(Duration.ofMinutes(50));
        c.getBackupInstance(INSTANCE);
        assertThat(mock().journal("POST", "/oauth2/v2.0/token$")).hasSize(1);
        // the emulator's tokens live 1 h: 56 min later the client is inside the 5 min refresh window
        clock.advance(Duration.ofMinutes(6));
        c.getBackupInstance(INSTANCE);
        assertThat(mock().journal("POST", "/oauth2/v2.0/token$")).hasSize(2)
                .allSatisfy(e -> assertThat(e.path("status").asInt()).isEqualTo(200));
        assertThat(mock().journal("GET", "^/subscriptions/")).hasSize(4)
                .allSatisfy(e -> assertThat(e.path("status").asInt()).isEqualTo(200));
    }

    @Test
    void aFixedExpiredTokenFailsWithTheServiceCode() {
        DataProtectionClient c = client(null, b -> b.accessToken(mock().token(-120)));
        assertThatThrownBy(() -> c.getBackupInstance(INSTANCE)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("eyJ");
                });
    }

    @Test
    void wrongClientSecretIsAnAuthenticationErrorWithoutTheSecret() {
        DataProtectionClient c = client(null, b -> b.clientSecret("definitely-wrong-secret"));
        assertThatThrownBy(() -> c.getBackupInstance(INSTANCE)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining(Mock.CLIENT_ID).hasMessageNotContaining("definitely-wrong-secret");
    }

    @Test
    void missingPermissionIsAuthorizationFailed() {
        mock().auth("{\"role\":\"reader\"}");
        assertThatThrownBy(() -> backup(client(null))).isInstanceOfSatisfying(AuthorizationFailedException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(403));
    }

    @Test
    void aRefusedConnectionOnThePostIsRetriedBecauseNothingWasSent() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int closedPort = port;
        DataProtectionClient c = client(null, b -> b.endpoint("http://127.0.0.1:" + closedPort).preflight(false)
                .accessToken("unused"));
        assertThatThrownBy(() -> c.beginAdhocBackup(INSTANCE, WEEKLY)).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageNotContaining("not retried");
        assertThat(delays).hasSize(3);
    }
}
