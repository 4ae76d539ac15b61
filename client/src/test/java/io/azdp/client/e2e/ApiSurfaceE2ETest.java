package io.azdp.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.client.DataProtectionClient;
import io.azdp.client.error.PollingException;
import io.azdp.client.lro.ResumeToken;
import io.azdp.model.OperationResource;
import io.azdp.model.TriggerBackupRequest;
import io.quarkus.test.junit.QuarkusTest;

/** Status URLs at every scope, long signed URLs, federated credentials and log redaction, end to end. */
@QuarkusTest
class ApiSurfaceE2ETest extends E2eSupport {

    @Test
    void operationStatusAtEveryScopeAndAsALongAbsoluteUrl() {
        DataProtectionClient c = client("polls=50;retryAfter=0");
        AdhocBackupPoller p = c.beginAdhocBackup(INSTANCE, "BackupWeekly", null);
        String opId = p.state().operationId();

        assertThat(c.getOperationStatus(VAULT, opId).status().isTerminal()).isFalse();
        OperationResource inLocation = await(c.mutiny().getOperationStatus(Mock.SUBSCRIPTION, "westus", opId));
        assertThat(inLocation.name()).isEqualTo(opId);
        OperationResource inGroup = await(c.mutiny().getOperationStatusInResourceGroup(Mock.SUBSCRIPTION,
                Mock.RESOURCE_GROUP, opId));
        assertThat(inGroup.status().isTerminal()).isFalse();

        // the real service's URLs carry signed parameters and run to several KB: sent exactly as given
        String signed = "&t=" + "7".repeat(4200) + "&c=MIIH%2Bxyz&s=a%2Fb%3D&h=hash";
        URI longUrl = URI.create(p.state().statusUrl() + signed);
        assertThat(longUrl.toString().length()).isGreaterThan(4096);
        assertThat(c.getOperationStatus(longUrl).name()).isEqualTo(opId);
        JsonNode last = mock().journal("GET", "/operationStatus/").stream().reduce((a, b) -> b).orElseThrow();
        assertThat(last.path("query").asText()).endsWith(signed.substring(1));
    }

    @Test
    void credentialsAreNeverSentToAHostOtherThanTheEndpoint() {
        String foreign = new ResumeToken(URI.create("https://collector.example.com/operationStatus/x?api-version=1"),
                null, "x", null, null, null).encode();
        DataProtectionClient c = client(null);
        assertThatThrownBy(() -> c.resume(foreign).poll()).isInstanceOf(PollingException.class)
                .hasMessageContaining("refusing to send credentials to https://collector.example.com");
        assertThat(mock().journal(null, "^/subscriptions/")).isEmpty();
    }

    @Test
    void federatedTokenFileIsSentAsClientAssertion() throws Exception {
        Path file = Files.createTempFile("azdp-federated", ".jwt");
        Files.writeString(file, server.federatedToken(null, 3600));
        try {
            DataProtectionClient c = client(null, b -> b.clientSecret(null).federatedTokenFile(file.toString()));
            assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
            assertThat(c.credentialDescription()).contains("federated token file");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void debugLogsNeverShowTheBearerTokenOrSignedQueryValues() {
        Logger http = Logger.getLogger("io.azdp.client.http");
        Level before = http.getLevel();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                Object[] params = r.getParameters();
                lines.add(params == null ? r.getMessage() : String.format(r.getMessage(), params));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        http.setLevel(Level.FINE);
        http.addHandler(capture);
        try {
            DataProtectionClient c = client("retryAfter=0;polls=1");
            c.adhocBackup(INSTANCE, TriggerBackupRequest.of("BackupWeekly", null), Duration.ofSeconds(30));
            URI signed = URI.create(c.settings().endpoint() + "/subscriptions/" + Mock.SUBSCRIPTION
                    + "/providers/Microsoft.DataProtection/locations/westus/operationStatus/unknown"
                    + "?api-version=2024-04-01&sig=SECRETSIG");
            assertThatThrownBy(() -> c.getOperationStatus(signed)).isInstanceOf(PollingException.class)
                    .hasMessageNotContaining("SECRETSIG");
        } finally {
            http.removeHandler(capture);
            http.setLevel(before);
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Authorization=REDACTED"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).containsAnyOf("Bearer ey", "SECRETSIG"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("sig=REDACTED"));
    }
}
