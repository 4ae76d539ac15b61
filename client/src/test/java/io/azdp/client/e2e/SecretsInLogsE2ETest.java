package io.azdp.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;

import io.azdp.client.DataProtectionClient;
import io.azdp.model.TriggerBackupRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With Quarkus's own REST-client request/response logging and the OIDC client's debug logging switched on (what a user
 * does to debug), no log line shows the client secret or a bearer token.
 */
@QuarkusTest
@TestProfile(SecretsInLogsE2ETest.VerboseLogging.class)
class SecretsInLogsE2ETest extends E2eSupport {

    public static class VerboseLogging implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.logging.scope", "request-response",
                    "quarkus.rest-client.logging.body-limit", "100000",
                    "quarkus.log.category.\"org.jboss.resteasy.reactive.client.logging\".level", "DEBUG",
                    "quarkus.log.category.\"io.quarkus.oidc\".level", "DEBUG",
                    "quarkus.log.category.\"io.quarkus.oidc.client\".level", "DEBUG",
                    "quarkus.log.category.\"io.azdp.client\".level", "DEBUG");
        }
    }

    @Test
    void verboseLogsOfABackupShowNeitherTheSecretNorATokens() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Formatter format = new SimpleFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getLoggerName() + " " + format.formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            DataProtectionClient c = client("retryAfter=0;polls=1");
            c.adhocBackup(INSTANCE, TriggerBackupRequest.of("BackupWeekly", null), Duration.ofSeconds(30));
        } finally {
            root.removeHandler(capture);
        }
        // the verbose loggers did write: otherwise this test could not fail
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("/backup"));
        // the OIDC client's token-request line is still there, with the secret's value hidden
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("OidcClientImpl", "client_secret=REDACTED"));
        // "eyJ" starts every JWT (base64 of '{"'): an access token anywhere, as header or in a token response
        assertThat(lines).noneSatisfy(l -> assertThat(l).containsAnyOf(Mock.CLIENT_SECRET, "eyJ"));
    }
}
