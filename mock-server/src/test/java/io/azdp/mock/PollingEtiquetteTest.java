package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.token;
import static io.azdp.mock.MockTestSupport.trigger;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Polling etiquette in the journal and /_mock/verify: every poll is journaled with its timing; one early poll right
 * after the 202 (what the official SDKs do) is tolerated, repeated polls that ignore Retry-After are findings.
 * Retry-After is whole seconds of real time, so the one test that keeps to it waits one second.
 */
@QuarkusTest
class PollingEtiquetteTest {

    @BeforeEach
    void reset() {
        MockTestSupport.reset();
    }

    private static Response poll(String url, String clientRequestId) {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token())
                .header("x-ms-client-request-id", clientRequestId).get(url);
    }

    private static Map<String, Object> verify(String query) {
        return given().get("/_mock/verify?" + query).then().statusCode(200).extract().path("");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> v, String key) {
        return (List<Map<String, Object>>) v.get(key);
    }

    @Test
    void journalRecordsEveryPollWithItsTimingAgainstThePreviousRetryAfter() {
        // Retry-After 10 s: the loop's polls are early however slow the machine running this test is
        String async = trigger("polls=5;retryAfter=10").header("Azure-AsyncOperation");
        String opId = async.substring(async.indexOf("/operationStatus/") + 17, async.indexOf('?'));
        for (int i = 0; i < 3; i++) {
            poll(async, "etq-journal").then().statusCode(200);
        }
        List<Map<String, Object>> lro = given().get("/_mock/journal?path=/backup$|/operationStatus/").then()
                .statusCode(200).extract().path("entries.lro");
        assertThat(lro).hasSize(4);
        assertThat(lro.get(0)).containsEntry("operationId", opId).containsEntry("poll", 0)
                .containsEntry("retryAfter", 10);
        for (int i = 1; i <= 3; i++) {
            assertThat(lro.get(i)).containsEntry("operationId", opId).containsEntry("poll", i)
                    .containsEntry("retryAfter", 10);
            assertThat(((Number) lro.get(i).get("afterMs")).longValue()).isBetween(0L, 9_999L);
            assertThat(((Number) lro.get(i).get("earlyMs")).longValue())
                    .isEqualTo(10_000L - ((Number) lro.get(i).get("afterMs")).longValue());
        }
        List<String> findings = given().get("/_mock/journal?clientRequestId=etq-journal").then().extract()
                .path("entries.finding");
        assertThat(findings.get(0)).startsWith("EarlyFirstPoll: poll 1 of operation " + opId).contains("tolerated");
        assertThat(findings.get(1)).startsWith("EarlyPoll: poll 2 of operation " + opId)
                .contains("ignored Retry-After");
    }

    @Test
    void aClientIgnoringRetryAfterOnRepeatedPollsFailsVerifyWhateverTheTolerance() {
        String async = trigger("polls=5;retryAfter=10").header("Azure-AsyncOperation");
        for (int i = 0; i < 3; i++) {
            poll(async, "etq-rude").then().statusCode(200);
        }
        Map<String, Object> v = verify("clientRequestId=etq-rude");
        assertThat(v).containsEntry("ok", false).containsEntry("polls", 3).containsEntry("earlyFirstPolls", 1);
        assertThat(list(v, "findings")).extracting(f -> f.get("type")).containsExactly("EarlyPoll", "EarlyPoll");
        assertThat(list(v, "tolerated")).extracting(f -> f.get("type")).containsExactly("EarlyFirstPoll");
        // strict: every early poll is a finding; lenient enough: none is
        assertThat(list(verify("clientRequestId=etq-rude&earlyFirstPolls=0"), "findings")).hasSize(3);
        assertThat(verify("clientRequestId=etq-rude&earlyFirstPolls=3")).containsEntry("ok", true);
        given().get("/_mock/verify?earlyFirstPolls=-1").then().statusCode(400);
    }

    @Test
    void anSdkStylePollerThatPollsOnceAtOnceThenKeepsToRetryAfterVerifiesClean() throws InterruptedException {
        String async = trigger("polls=2").header("Azure-AsyncOperation");
        Response first = poll(async, "etq-sdk");
        assertThat(first.header("Retry-After")).isEqualTo("1");
        Thread.sleep(1_050); // keeping to the Retry-After of the first poll's answer: whole seconds of real time
        assertThat(poll(async, "etq-sdk").<String>path("status")).isEqualTo("Inprogress");
        Map<String, Object> v = verify("clientRequestId=etq-sdk");
        assertThat(v).containsEntry("ok", true).containsEntry("polls", 2);
        assertThat(list(v, "findings")).isEmpty();
        assertThat(list(v, "tolerated")).hasSize(1).first().satisfies(t -> assertThat((String) t.get("detail"))
                .contains("poll 1 of operation").contains("after the 202, which asked for Retry-After: 1"));
        assertThat(verify("clientRequestId=etq-sdk&earlyFirstPolls=0")).containsEntry("ok", false);
    }
}
