package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A dropped request ({@code drop=true}) fails that request only. Over HTTP/2 several requests share one connection;
 * closing it (GOAWAY) would also fail the others in flight, e.g. a trigger the emulator has just accepted, whose
 * client then never learns of its backup.
 */
@QuarkusTest
class DropFaultTest {

    @Test
    void aDropOverHttp2FailsOnlyThatRequest() throws Exception {
        MockTestSupport.reset();
        String token = MockTestSupport.token();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        URI vault = URI.create("http://localhost:" + RestAssured.port + VAULT_PATH + "?api-version=" + API);
        HttpResponse<String> upgraded = http.send(HttpRequest.newBuilder(vault).header("Authorization", "Bearer "
                + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2); // h2c: one shared connection from now

        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(vault)
                .header("Authorization", "Bearer " + token).header("x-azdp-mock-scenario", "latencyMs=500").build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        CompletableFuture<HttpResponse<String>> dropped = http.sendAsync(HttpRequest.newBuilder(vault)
                .header("Authorization", "Bearer " + token).header("x-azdp-mock-scenario", "drop=true")
                .header("x-ms-client-request-id", "h2-drop").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(dropped::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
        HttpResponse<String> other = slow.get();
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertJournalsOneDrop("h2-drop");
    }

    @Test
    void aDropOverHttp11IsJournaledOnce() throws Exception {
        MockTestSupport.reset();
        String token = MockTestSupport.token();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI vault = URI.create("http://localhost:" + RestAssured.port + VAULT_PATH + "?api-version=" + API);
        // a POST: the JDK client silently repeats an idempotent GET once when its connection closes
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(vault).header("Authorization", "Bearer " + token)
                .header("x-azdp-mock-scenario", "drop=true").header("x-ms-client-request-id", "h1-drop")
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertJournalsOneDrop("h1-drop");
    }

    /** A client's retry logic is tested through the journal: the dropped request must be there, exactly once. */
    private static void assertJournalsOneDrop(String clientRequestId) {
        List<Map<String, Object>> entries = RestAssured.given().get("/_mock/journal?clientRequestId=" + clientRequestId)
                .then().statusCode(200).extract().path("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).containsEntry("finding", "dropped").containsEntry("status", 0);
    }
}
