package io.azdp.client.lro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.azdp.client.error.OperationFailedException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.error.PollingException;
import io.azdp.client.http.HttpResult;
import io.azdp.client.testing.MutableClock;
import io.azdp.client.testing.RecordingSleeper;
import io.azdp.model.OperationStatus;
import io.azdp.model.id.BackupInstanceId;
import io.smallrye.mutiny.Uni;

/** The ARM long-running-operation rules of the poller, driven by scripted responses and a fake clock. */
class AdhocBackupPollerTest {
    static final String BASE = "https://management.azure.com";
    static final String STATUS = BASE + "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/"
            + "backupVaults/v/operationStatus/b3A=?api-version=2024-04-01&t=1&s=sig";
    static final String LOCATION = BASE + "/subscriptions/s/providers/Microsoft.DataProtection/locations/westus/"
            + "operationResults/b3A=?api-version=2024-04-01";
    static final BackupInstanceId INSTANCE = BackupInstanceId.parse("/subscriptions/"
            + "00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/"
            + "vault1/backupInstances/i1");
    static final String JOB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
            + "Microsoft.DataProtection/backupVaults/vault1/"
            + "backupJobs/3c60cb49-63e8-4b21-b9bd-26277b3fdfae";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T18:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<String> requested = new ArrayList<>();
    private final List<Instant> requestedAt = new ArrayList<>();
    private final Map<String, Deque<HttpResult>> script = new LinkedHashMap<>();

    private void on(String url, HttpResult... answers) {
        script.computeIfAbsent(url, k -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    private final LroTransport transport = (url, corr) -> {
        requested.add(url.toString());
        requestedAt.add(clock.instant());
        Deque<HttpResult> q = script.get(url.toString());
        if (q == null || q.isEmpty()) {
            return Uni.createFrom().failure(new AssertionError("unexpected GET " + url));
        }
        return Uni.createFrom().item(q.size() == 1 ? q.peek() : q.poll());
    };

    static HttpResult resp(int status, String body, String... headers) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i], headers[i + 1]);
        }
        return HttpResult.of(status, h, body);
    }

    static String running(String casing) {
        return "{\"id\":\"x\",\"name\":\"b3A=\",\"status\":\"" + casing + "\",\"startTime\":\"2026-11-23T18:00:00Z\","
                + "\"endTime\":\"0001-01-01T00:00:00Z\"}";
    }

    static String succeeded() {
        return "{\"name\":\"b3A=\",\"status\":\"Succeeded\",\"properties\":{\"jobId\":\"" + JOB
                + "\",\"objectType\":\"OperationJobExtendedInfo\"}}";
    }

    private Pollers pollers() {
        return new Pollers(transport, clock, sleeper, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(2));
    }

    private AdhocBackupPoller start(HttpResult post) {
        return pollers().started(post, URI.create(BASE), INSTANCE);
    }

    @Test
    void synchronous200IsDoneWithTheBodyAsResult() {
        AdhocBackupPoller p = start(resp(200, "{\"jobId\":\"" + JOB + "\",\"objectType\":\"OperationJobExtendedInfo\"}"));
        assertThat(p.isDone()).isTrue();
        assertThat(p.finalResult()).hasValueSatisfying(r -> assertThat(r.jobId()).isEqualTo(JOB));
        assertThat(p.waitForCompletion(Duration.ofSeconds(1)).jobId()).isEqualTo(JOB);
        assertThat(p.job()).hasValueSatisfying(j -> assertThat(j.jobId())
                .isEqualTo("3c60cb49-63e8-4b21-b9bd-26277b3fdfae"));
        assertThat(p.resumeTokenIfAny()).isEmpty();
        assertThat(requested).isEmpty();
        assertThatThrownBy(p::resumeToken).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void bothHeadersPollTheAsyncOperationAndReadTheResultFromLocation() {
        on(STATUS, resp(200, running("Inprogress"), "Retry-After", "3"), resp(200, succeeded()));
        on(LOCATION, resp(200, "{\"jobId\":\"" + JOB + "\",\"objectType\":\"OperationJobExtendedInfo\"}"));
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS, "Location", LOCATION,
                "Retry-After", "1"));
        assertThat(p.state().operationId()).isEqualTo("b3A=");
        assertThat(p.state().status()).isEqualTo(OperationStatus.IN_PROGRESS);

        assertThat(p.waitForCompletion(Duration.ofMinutes(1)).jobId()).isEqualTo(JOB);
        assertThat(requested).containsExactly(STATUS, STATUS, LOCATION);
        // waited exactly what the service asked: 1 s after the POST, 3 s after the running status
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(p.state().status().isSucceeded()).isTrue();
        assertThat(p.state().polls()).isEqualTo(2);
    }

    @Test
    void onlyLocationPollsTheResultUntil200() {
        on(LOCATION, resp(202, "", "Retry-After", "2"), resp(202, ""), resp(200, "{\"jobId\":\"" + JOB + "\"}"));
        AdhocBackupPoller p = start(resp(202, "", "Location", LOCATION));
        assertThat(p.waitForCompletion(Duration.ofMinutes(1)).jobId()).isEqualTo(JOB);
        assertThat(requested).containsExactly(LOCATION, LOCATION, LOCATION);
        // no Retry-After on the POST: default 2 s; then 2 s as asked; then default grown by half (polls=2)
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(4500));
    }

    @Test
    void onlyAzureAsyncOperationTakesTheResultFromTheStatusProperties() {
        on(STATUS, resp(200, running("InProgress")), resp(200, running("Running")), resp(200, succeeded()));
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS));
        List<String> seen = new ArrayList<>();
        assertThat(p.waitForCompletion(Duration.ofMinutes(1), s -> seen.add(s.status().value())).jobId())
                .isEqualTo(JOB);
        assertThat(seen).containsExactly("InProgress", "Running", "Succeeded");
        assertThat(requested).containsExactly(STATUS, STATUS, STATUS);
    }

    @Test
    void failedRaisesWithTheStatusBodysErrorAndStaysFailed() {
        on(STATUS, resp(200, "{\"name\":\"b3A=\",\"status\":\"Failed\",\"error\":{\"code\":\"UserErrorX\","
                + "\"message\":\"the backup could not start\"}}", "x-ms-request-id", "rq"));
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS, "Location", LOCATION));
        assertThatThrownBy(() -> p.waitForCompletion(Duration.ofMinutes(1)))
                .isInstanceOf(OperationFailedException.class)
                .hasToString("(UserErrorX) the backup could not start. Status: Failed, operation id: b3A=, "
                        + "request id: rq");
        assertThat(p.isDone()).isTrue();
        assertThat(p.state().status().isFailed()).isTrue();
        assertThatThrownBy(p::poll).isInstanceOf(OperationFailedException.class);
        assertThat(requested).containsExactly(STATUS);
    }

    @Test
    void canceledInAnyCasingIsTerminal() {
        on(STATUS, resp(200, "{\"status\":\"CANCELED\"}"));
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS));
        assertThatThrownBy(() -> p.waitForCompletion(Duration.ofMinutes(1)))
                .isInstanceOfSatisfying(OperationFailedException.class, e -> assertThat(e.isCanceled()).isTrue());
    }

    @Test
    void pollNeverGoesOutBeforeTheServerAllows() {
        on(STATUS, resp(200, running("Inprogress"), "Retry-After", "5"));
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS, "Retry-After", "4"));
        Instant posted = clock.instant();
        p.poll();
        p.poll();
        assertThat(requestedAt).containsExactly(posted.plusSeconds(4), posted.plusSeconds(9));
        assertThat(p.state().nextPollAt()).isEqualTo(posted.plusSeconds(14));
        assertThat(p.state().retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    /**
     * Issue 16: a service answering Retry-After: 0 (or a zero poll interval) made the wait nest one subscriber per
     * poll; after thousands of polls the result overflowed the stack on its way out and the wait never returned.
     */
    @Test
    void thousandsOfZeroDelayPollsEndWithTheResult() {
        int polls = 20_000;
        HttpResult[] answers = new HttpResult[polls + 1];
        java.util.Arrays.fill(answers, 0, polls, resp(200, running("Inprogress"), "Retry-After", "0"));
        answers[polls] = resp(200, succeeded());
        on(STATUS, answers);
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS, "Retry-After", "0"));
        List<PollState> seen = new ArrayList<>();
        assertThat(p.waitForCompletion(Duration.ofMinutes(1), seen::add).jobId()).isEqualTo(JOB);
        assertThat(requested).hasSize(polls + 1);
        assertThat(seen).hasSize(polls + 1);
        assertThat(p.state().polls()).isEqualTo(polls + 1);
    }

    @Test
    void thousandsOfFastJobPollsEndWithTheJob() {
        int polls = 20_000;
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        io.azdp.model.id.BackupJobId job = io.azdp.model.id.BackupJobId.parse(JOB);
        Pollers fast = new Pollers(transport, clock, sleeper, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofMillis(1));
        var done = fast.waitForJob(job, id -> Uni.createFrom().item(io.azdp.model.AzdpJson.read(
                "{\"name\":\"j\",\"properties\":{\"status\":\""
                        + (reads.incrementAndGet() > polls ? "Completed" : "InProgress") + "\"}}",
                io.azdp.model.job.AzureBackupJobResource.class)), Duration.ofDays(1), null)
                .await().atMost(Duration.ofMinutes(1));
        assertThat(done.properties().status().isTerminal()).isTrue();
        assertThat(reads).hasValue(polls + 1);
    }

    /** Issue 13: Retry-After of 65 years timed out a 30-minute wait after 2 s and the resume token never polled. */
    @Test
    void aHugeRetryAfterWaitsTheCapAndTheResumeTokenPollsWithinIt() {
        on(STATUS, resp(200, running("Inprogress"), "Retry-After", "2049840000"), resp(200, succeeded()));
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS, "Retry-After", "2049840000"));
        assertThat(p.state().nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        AdhocBackupPoller resumed = pollers().resume(ResumeToken.decode(p.resumeToken()));
        assertThat(resumed.state().nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        assertThat(p.waitForCompletion(Duration.ofMinutes(30)).jobId()).isEqualTo(JOB);
        assertThat(sleeper.delays()).containsExactly(Duration.ofMinutes(2), Duration.ofMinutes(2));
    }

    @Test
    void negativeOrUnreadableRetryAfterFallsBackToThePollInterval() {
        on(STATUS, resp(200, running("Inprogress"), "Retry-After", "-5"), resp(200, running("Inprogress"),
                "Retry-After", "soon"), resp(200, succeeded()));
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS, "Retry-After", "-1"));
        p.waitForCompletion(Duration.ofMinutes(5));
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofMillis(4500));
    }

    @Test
    void relativeUrlsResolveAgainstThePostAndInvalidOnesAreReportedRaw() {
        URI post = URI.create(BASE + INSTANCE + "/backup?api-version=2024-04-01");
        AdhocBackupPoller p = pollers().started(resp(202, "", "Location", "operationResults/x1"), post, INSTANCE);
        assertThat(p.state().locationUrl()).hasToString(BASE + INSTANCE + "/operationResults/x1");
        assertThatThrownBy(() -> pollers().started(resp(202, "{\"jobId\":\"j1\"}", "Azure-AsyncOperation", "http://[::1",
                "Location", "%zz", "x-ms-request-id", "r7"), post, INSTANCE))
                .isInstanceOfSatisfying(io.azdp.client.error.UnfollowableOperationException.class, e -> {
                    assertThat(e.rawAzureAsyncOperation()).isEqualTo("http://[::1");
                    assertThat(e.rawLocation()).isEqualTo("%zz");
                    assertThat(e.jobId()).isEqualTo("j1");
                    assertThat(e.getMessage()).contains("'http://[::1'", "'%zz'", "r7");
                });
    }

    @Test
    void timeoutCarriesAResumeTokenThatContinuesElsewhere() {
        on(STATUS, resp(200, running("Inprogress"), "Retry-After", "10"));
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS, "Location", LOCATION,
                "Retry-After", "1"));
        assertThatThrownBy(() -> p.waitForCompletion(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> {
                    assertThat(e.lastStatus()).isEqualTo("Inprogress");
                    assertThat(e.resumeToken()).isPresent();
                    ResumeToken t = ResumeToken.decode(e.resumeToken().get());
                    assertThat(t.statusUrl()).hasToString(STATUS);
                    assertThat(t.locationUrl()).hasToString(LOCATION);
                    assertThat(t.operationId()).isEqualTo("b3A=");
                    assertThat(t.nextPollAt()).isEqualTo(clock.instant().plusSeconds(10));
                });
        assertThat(requested).hasSize(1);

        script.clear();
        on(STATUS, resp(200, succeeded()));
        on(LOCATION, resp(200, "{\"jobId\":\"" + JOB + "\"}"));
        AdhocBackupPoller resumed = pollers().resume(ResumeToken.decode(p.resumeToken()));
        assertThat(resumed.waitForCompletion(Duration.ofMinutes(1)).jobId()).isEqualTo(JOB);
        assertThat(sleeper.delays()).endsWith(Duration.ofSeconds(10));
    }

    @Test
    void a202WithoutPollingHeadersCannotBeFollowed() {
        assertThatThrownBy(() -> start(resp(202, "", "x-ms-request-id", "r9")))
                .isInstanceOf(PollingException.class)
                .hasMessageContaining("neither Azure-AsyncOperation nor Location").hasMessageContaining("r9");
    }

    @Test
    void succeededWithoutAnyJobIdIsAPollingError() {
        on(STATUS, resp(200, "{\"status\":\"Succeeded\"}"));
        AdhocBackupPoller p = start(resp(202, "", "Azure-AsyncOperation", STATUS));
        assertThatThrownBy(() -> p.waitForCompletion(Duration.ofMinutes(1)))
                .isInstanceOf(PollingException.class).hasMessageContaining("no properties.jobId");
    }

    @Test
    void relativeLocationIsResolvedAgainstTheEndpoint() {
        on(LOCATION, resp(200, "{\"jobId\":\"" + JOB + "\"}"));
        AdhocBackupPoller p = start(resp(202, "", "Location", LOCATION.substring(BASE.length())));
        assertThat(p.state().locationUrl()).hasToString(LOCATION);
        assertThat(p.waitForCompletion(Duration.ofMinutes(1)).jobId()).isEqualTo(JOB);
    }

    @Test
    void aBareJobGuidIsFollowedInTheVaultOfTheInstanceOrOfTheStatusUrl() {
        String guid = "3c60cb49-63e8-4b21-b9bd-26277b3fdfae";
        AdhocBackupPoller sync = start(resp(200, "{\"jobId\":\"" + guid + "\"}"));
        assertThat(sync.job()).hasValueSatisfying(j -> assertThat(j.toString()).isEqualTo(JOB));

        String vault = "/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg/providers/"
                + "Microsoft.DataProtection/backupVaults/vault2";
        String status = BASE + vault + "/operationStatus/b3A=?api-version=2024-04-01";
        on(status, resp(200, "{\"status\":\"Succeeded\",\"properties\":{\"jobId\":\"" + guid + "\"}}"));
        AdhocBackupPoller resumed = pollers().resume(ResumeToken.forUrl("url", URI.create(status)));
        resumed.waitForCompletion(Duration.ofMinutes(1));
        // the resumed operation knows no instance: the vault comes from the vault-scoped status URL
        assertThat(resumed.job()).hasValueSatisfying(j -> assertThat(j.toString()).isEqualTo(
                vault + "/backupJobs/" + guid));

        AdhocBackupPoller odd = start(resp(200, "{\"jobId\":\"not a job id\"}"));
        assertThat(odd.job()).isEmpty();
        assertThat(odd.state().jobId()).isEqualTo("not a job id");
    }

    @Test
    void aUrlResumesAsStatusOrResultUrlByItsPath() {
        ResumeToken status = ResumeToken.parse("URL", STATUS);
        assertThat(status.statusUrl()).hasToString(STATUS);
        assertThat(status.locationUrl()).isNull();
        ResumeToken result = ResumeToken.parse("URL", LOCATION);
        assertThat(result.locationUrl()).hasToString(LOCATION);
        assertThat(result.statusUrl()).isNull();
        assertThat(result.operationId()).isEqualTo("b3A=");
        assertThatThrownBy(() -> ResumeToken.parse("URL", "ftp://x/y")).hasMessageStartingWith("URL: expected");
        assertThatThrownBy(() -> ResumeToken.parse("URL", "azdp1.garbage")).hasMessageStartingWith("resumeToken:");

        on(LOCATION, resp(202, ""), resp(200, "{\"jobId\":\"" + JOB + "\"}"));
        assertThat(pollers().resume(result).waitForCompletion(Duration.ofMinutes(1)).jobId()).isEqualTo(JOB);
        assertThat(requested).containsExactly(LOCATION, LOCATION);
    }
}
