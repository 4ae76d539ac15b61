package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.azdp.mock.MockTestSupport.WEEKLY;
import static io.azdp.mock.MockTestSupport.arm;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.OperationResource;
import io.azdp.model.job.AzureBackupJobResourceList;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrencyTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void seedTwentyInstances() {
        MockTestSupport.reset();
        String seed = given().get("/_mock/seed").asString()
                .replace("{\"name\":\"azdp-demo-instance\",", "{\"name\":\"bi\",\"count\":20,");
        given().contentType("application/json").body(seed).put("/_mock/seed").then().statusCode(200);
    }

    @Test
    void twoHundredParallelTriggersOverTwentyInstancesYieldTwoHundredDistinctJobs() throws Exception {
        String token = MockTestSupport.token();
        String root = base.toString().replaceAll("/$", "");
        HttpClient client = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(16))
                .build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String path = VAULT_PATH + "/backupInstances/bi-" + (i % 20 + 1) + "/backup?api-version=" + API;
            HttpRequest req = HttpRequest.newBuilder(URI.create(root + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("x-azdp-mock-scenario", "polls=0")
                    .POST(HttpRequest.BodyPublishers.ofString(WEEKLY)).build();
            calls.add(client.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> operations = new HashSet<>();
        Set<String> jobs = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.get();
            assertThat(r.statusCode()).isEqualTo(202);
            String async = r.headers().firstValue("Azure-AsyncOperation").orElseThrow();
            assertThat(operations.add(async)).isTrue();
        }
        for (String async : operations) {
            OperationResource op = AzdpJson.read(arm().get(async).then().statusCode(200).extract().asByteArray(),
                    OperationResource.class);
            assertThat(op.status().isSucceeded()).isTrue();
            assertThat(jobs.add(op.jobId().orElseThrow())).isTrue();
        }
        assertThat(jobs).hasSize(200);
        Set<String> listed = new HashSet<>();
        String next = VAULT_PATH + "/backupJobs?api-version=" + API;
        while (next != null) {
            AzureBackupJobResourceList page = AzdpJson.read(arm().get(next).then().statusCode(200).extract()
                    .asByteArray(), AzureBackupJobResourceList.class);
            page.value().forEach(j -> listed.add(j.id()));
            next = page.nextLink();
        }
        assertThat(listed).isEqualTo(jobs);
    }
}
