package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.BACKUP_PATH;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.azdp.mock.MockTestSupport.WEEKLY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.CloudError;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention cap over HTTP, with the settings of the reproduction ({@code azdp.mock.max-jobs=100},
 * {@code azdp.mock.operation-duration=PT1H}): what a client reads or polls is never evicted, a trigger that finds
 * nothing evictable is refused with 429 and Retry-After instead of pushing out what is in use, and a 404 for an
 * evicted id says so.
 */
@QuarkusTest
@TestProfile(RetentionTest.SmallCap.class)
class RetentionTest {

    public static class SmallCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("azdp.mock.max-jobs", "100", "azdp.mock.operation-duration", "PT1H");
        }
    }

    private String token;

    @BeforeEach
    void reset() {
        MockTestSupport.reset();
        token = MockTestSupport.token();
    }

    private Response trigger(String scenario) {
        var spec = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token)
                .contentType("application/json").body(WEEKLY);
        if (scenario != null) {
            spec = spec.header("x-azdp-mock-scenario", scenario);
        }
        return spec.post(BACKUP_PATH + "?api-version=" + API);
    }

    private Response get(String pathAndQuery) {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token).get(pathAndQuery);
    }

    private static String local(String url) {
        return url.substring(url.indexOf("/subscriptions/"));
    }

    @Test
    void aJobReadEveryFourthTriggerIsNeverEvictedAndExcessTriggersAreRefused() {
        String jobId = trigger("mode=sync").then().statusCode(200).extract().path("jobId");
        Map<Integer, Integer> readStatuses = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (int i = 1; i <= 400; i++) {
            Response r = trigger(null);
            if (r.statusCode() == 202) {
                accepted.add(local(r.header("Azure-AsyncOperation")));
            } else {
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(429);
                assertThat(Integer.parseInt(r.header("Retry-After"))).isPositive();
                CloudError e = MockTestSupport.cloudError(r);
                assertThat(e.error().code()).isEqualTo("TooManyRequests");
                assertThat(e.error().message()).contains("azdp.mock.max-jobs");
                refused++;
            }
            if (i % 4 == 0) {
                readStatuses.merge(get(jobId + "?api-version=" + API).statusCode(), 1, Integer::sum);
            }
        }
        // before: {200=24, 404=76}
        assertThat(readStatuses).containsExactly(Map.entry(200, 100));
        // the operations run for an hour and the jobs for 5 s of a clock that stands still: nothing can make room
        assertThat(accepted).hasSize(99);
        assertThat(refused).isEqualTo(301);
        // and every accepted trigger can still be followed
        for (String status : accepted) {
            get(status).then().statusCode(200);
        }
        JsonPath stats = given().get("/_mock/retention").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getInt("refusedTriggers")).isEqualTo(301);
        assertThat(stats.getInt("evictedJobs")).isZero();
    }

    @Test
    void finishedIdleEntriesMakeRoomAndTheirIdsAnswerEvicted() {
        String jobId = trigger("mode=sync").then().statusCode(200).extract().path("jobId");
        String first = local(trigger("opDuration=1").then().statusCode(202).extract().header("Azure-AsyncOperation"));
        String firstJobId = null;
        for (int i = 1; i <= 400; i++) {
            MockTestSupport.advance("PT2S"); // every trigger ages the ones before; 400 x 2 s is far beyond the window
            trigger("opDuration=1").then().statusCode(202);
            if (i % 4 == 0) {
                get(jobId + "?api-version=" + API).then().statusCode(200);
            }
            if (i == 1) {
                firstJobId = get(first).then().statusCode(200).extract().path("properties.jobId");
            }
        }
        JsonPath stats = given().get("/_mock/retention").then().statusCode(200).extract().jsonPath();
        assertThat(stats.getInt("operations")).isEqualTo(100);
        assertThat(stats.getInt("jobs")).isEqualTo(100);
        assertThat(stats.getInt("evictedOperations")).isEqualTo(301);
        assertThat(stats.getInt("evictedJobs")).isEqualTo(302);
        assertThat(stats.getInt("refusedTriggers")).isZero();

        Response op = get(first);
        assertThat(op.statusCode()).isEqualTo(404);
        assertThat(MockTestSupport.cloudError(op).error().message()).contains("was evicted at")
                .contains("retention cap (azdp.mock.max-jobs=100)").contains("azdp.mock.retention-window")
                .doesNotContain("reset");
        Response job = get(firstJobId + "?api-version=" + API);
        assertThat(job.statusCode()).isEqualTo(404);
        CloudError jobError = MockTestSupport.cloudError(job);
        assertThat(jobError.error().code()).isEqualTo("UserErrorGenericResourceNotFound");
        assertThat(jobError.error().message()).contains("was evicted at").contains("azdp.mock.max-jobs=100");
        // an id that never existed is not blamed on the cap
        Response unknown = get(VAULT_PATH + "/operationStatus/bm9wZQ==?api-version=" + API);
        assertThat(MockTestSupport.cloudError(unknown).error().message()).contains("was not found")
                .doesNotContain("evicted at");
        // the journal names what each trigger evicted
        List<List<String>> evicted = given().get("/_mock/journal?method=POST").then().statusCode(200).extract()
                .jsonPath().getList("entries.evicted");
        assertThat(evicted.stream().filter(e -> e != null).flatMap(List::stream))
                .contains("operation " + first.substring(first.lastIndexOf('/') + 1, first.indexOf('?')),
                        "job " + firstJobId);
    }
}
