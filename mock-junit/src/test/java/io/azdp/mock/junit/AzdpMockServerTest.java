package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@AzdpMock(properties = "azdp.mock.clock.mode=virtual")
class AzdpMockServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void isolate(AzdpMockServer mock) {
        mock.reset();
    }

    @Test
    void startsThePackagedServerAndIssuesTokensArmAccepts(AzdpMockServer mock) throws Exception {
        assertThat(mock.isRunning()).isTrue();
        assertThat(mock.baseUrl()).startsWith("http://localhost:");
        assertThat(mock.tokenUrl()).endsWith("/" + mock.tenantId() + "/oauth2/v2.0/token");
        String token = mock.accessToken();
        assertThat(token.split("\\.")).hasSize(3);
        HttpResponse<String> vault = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + mock.vaultId()
                + "?api-version=2024-04-01")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(vault.statusCode()).isEqualTo(200);
        assertThat(vault.body()).contains("\"name\":\"azdp-demo-vault\"");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + mock.vaultId()
                + "?api-version=2024-04-01")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void settingsFromTheAnnotationReachTheServerAndTheAdminClientWorks(AzdpMockServer mock) throws Exception {
        assertThat(mock.admin().get("/_mock/clock").body()).contains("\"mode\":\"virtual\"");
        mock.admin().rule("{\"name\":\"busy\",\"method\":\"GET\",\"path\":\"/backupVaults/\",\"times\":1,"
                + "\"fault\":{\"status\":503}}");
        HttpRequest get = HttpRequest.newBuilder(URI.create(mock.baseUrl() + mock.vaultId()
                + "?api-version=2024-04-01")).header("Authorization", "Bearer " + mock.accessToken())
                .header("x-ms-client-request-id", "junit-1").build();
        assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(mock.admin().journal("clientRequestId=junit-1")).contains("\"count\":2");
    }

    @Test
    void theAdminClientConnectsByUrlToAnEmulatorStartedElsewhere(AzdpMockServer mock) throws Exception {
        // what a test has when only the URL reaches it (another class loader, bin/azdp-mock, a container)
        AzdpMockServer.Admin admin = AzdpMockServer.Admin.connect(mock.baseUrl() + "/", null);
        String token = admin.token();
        HttpRequest get = HttpRequest.newBuilder(URI.create(mock.baseUrl() + mock.vaultId().replace(
                "azdp-demo-vault", "connected-vault") + "?api-version=2024-04-01"))
                .header("Authorization", "Bearer " + token).build();
        assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        admin.mergeSeed("subscriptions:\n  - subscriptionId: " + mock.subscriptionId() + "\n    resourceGroups:\n"
                + "      - name: azdp-demo-rg\n        vaults:\n          - name: connected-vault\n");
        assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(admin.journal("method=GET")).contains("connected-vault");
        assertThat(admin.get("/_mock/no-such-thing").status()).isEqualTo(404);
    }

    @Test
    void quarkusTestResourceHandsOutClientConfig(AzdpMockServer mock) {
        Map<String, String> config = AzdpMockTestResource.config(mock);
        assertThat(config).containsEntry("azdp.endpoint", mock.baseUrl())
                .containsEntry("azdp.authority-host", mock.baseUrl())
                .containsEntry("azdp.tenant-id", "00000000-0000-0000-0000-00000000feed")
                .containsEntry("azdp.client-id", "azdp-mock-client")
                .containsEntry("azdp.client-secret", "azdp-mock-secret")
                .containsEntry("azdp.subscription-id", "00000000-0000-0000-0000-000000000000");
    }

    @Test
    void credentialsSetForTheServerAreTheOnesHandedOut() {
        AzdpMockTestResource resource = new AzdpMockTestResource();
        resource.init(Map.of("azdp.mock.auth.tenant-id", "11111111-2222-3333-4444-555555555555",
                "azdp.mock.auth.client-id", "ci-client", "azdp.mock.auth.client-secret", "ci-secret"));
        Map<String, String> config = resource.start();
        try {
            assertThat(config).containsEntry("azdp.tenant-id", "11111111-2222-3333-4444-555555555555")
                    .containsEntry("azdp.client-id", "ci-client").containsEntry("azdp.client-secret", "ci-secret");
            AzdpMockServer server = AzdpMockServer.builder().property("azdp.mock.auth.client-id", "ci-client")
                    .property("azdp.mock.auth.client-secret", "ci-secret").start();
            try {
                // the token endpoint accepts what the server hands out
                assertThat(server.tokenUrl()).contains("/00000000-0000-0000-0000-00000000feed/");
                assertThat(server.accessToken().split("\\.")).hasSize(3);
            } finally {
                server.close();
            }
        } finally {
            resource.stop();
        }
    }

    @Test
    void testResourceLifecycleStartsAndStopsItsOwnServer() {
        AzdpMockTestResource resource = new AzdpMockTestResource();
        resource.init(Map.of("azdp.mock.auth.mode", "none"));
        Map<String, String> config = resource.start();
        try {
            String endpoint = config.get("azdp.endpoint");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint
                    + "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azdp-demo-rg/providers/"
                    + "Microsoft.DataProtection/backupVaults/azdp-demo-vault?api-version=2024-04-01")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            resource.stop();
        }
    }
}
