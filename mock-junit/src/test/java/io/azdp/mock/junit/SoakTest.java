package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.OperationResource;
import io.azdp.model.job.AzureBackupJobResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Soak: thousands of adhoc backups against the packaged emulator with a cap far below the number of backups, so the
 * retention cap evicts all the time, while 429s, 500s, 503s and dropped connections hit triggers and polls. Every
 * trigger the emulator accepted (202) is followed through its operation to its job, and none may be lost: no 404
 * while following, every job seen finished, and the emulator created exactly the operations the client was given.
 *
 * <p>Durations are short (30 and 60 ms) to get through thousands of backups quickly, but the retention window (3 s)
 * stays above the longest pause this client can put between two requests about one backup (a 2 s request timeout
 * and a retry): a reader idle for longer than the window may be evicted by design. With 300 slots against 2,000
 * backups the cap evicts on most triggers. Statuses seen: 0 = dropped connection, -1 = request timed out.
 *
 * <p>It lives here, not in mock-server's tests, because it needs the emulator as a separate process over real
 * sockets (dropped connections, the jar's own entry point); mock-junit starts the packaged jar and mock-server must
 * not depend on the client.
 */
class SoakTest {

    private static final int TRIGGERS = 2_000;
    private static final int WORKERS = 8;
    private static final int CAP = 300;
    private static final int MAX_ATTEMPTS = 20;
    private static final String API = "?api-version=2024-04-01";
    private static final String BODY = "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":{}}}";
    private static final Pattern OPERATION_ID = Pattern.compile("/operationStatus/([^?]+)");

    private static AzdpMockServer mock;
    private static String token;
    /** Half the workers speak HTTP/2 (h2c, one multiplexed connection), half HTTP/1.1 (a connection per request). */
    private final List<HttpClient> clients = List.of(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build(),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
    private final ThreadLocal<HttpClient> http = new ThreadLocal<>();
    private final Map<String, AtomicInteger> faultsServed = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statusesSeen = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() {
        mock = AzdpMockServer.builder()
                .property("azdp.mock.max-jobs", String.valueOf(CAP))
                .property("azdp.mock.retention-window", "PT3S")
                .property("azdp.mock.operation-duration", "PT0.03S")
                .property("azdp.mock.job-duration", "PT0.06S")
                .property("azdp.mock.retry-after", "0")
                .start();
        token = mock.accessToken();
        // faults the client asks for by header, so each worker picks its own at random; the server plays them
        for (String status : List.of("429", "500", "503")) {
            mock.admin().rule("{\"name\":\"f" + status + "\",\"header\":\"x-soak-fault\",\"headerValue\":\"^" + status
                    + "$\",\"fault\":{\"status\":" + status + ",\"retryAfter\":0}}");
        }
        mock.admin().rule("{\"name\":\"drop\",\"header\":\"x-soak-fault\",\"headerValue\":\"^drop$\","
                + "\"fault\":{\"drop\":true}}");
    }

    @AfterAll
    static void stop() {
        if (mock != null) {
            mock.close();
        }
    }

    /** What one followed backup ended with. */
    record Followed(String operationId, String jobId) {
    }

    @Test
    @Timeout(value = 300) // about 25 s here; room for a slow or loaded CI machine
    void everyAcceptedBackupIsFollowedToItsFinishedJobUnderFaultsAndEviction() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<List<Followed>>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            long seed = 42 + w;
            HttpClient client = clients.get(w % 2);
            workers.add(pool.submit(() -> {
                http.set(client);
                return run(TRIGGERS / WORKERS, new SplittableRandom(seed));
            }));
        }
        List<Followed> followed = new ArrayList<>();
        for (Future<List<Followed>> f : workers) {
            followed.addAll(f.get());
        }
        pool.shutdown();

        Map<String, Object> retention = retention();
        System.out.printf("soak: %d backups followed; statuses %s; faults asked %s; retention %s%n", followed.size(),
                new TreeMap<>(statusesSeen), new TreeMap<>(faultsServed), retention);
        errors.forEach((k, v) -> System.out.println("soak error " + v + " x " + k));
        assertThat(lost).as("backups lost while being followed").isEmpty();
        assertThat(followed).hasSize(TRIGGERS);
        assertThat(followed.stream().map(Followed::jobId).distinct()).hasSize(TRIGGERS);
        // the faults and the cap were really exercised
        assertThat(faultsServed.keySet()).containsExactlyInAnyOrder("429", "500", "503", "drop");
        assertThat((long) retention.get("evictedOperations")).isGreaterThan(TRIGGERS - 2L * CAP);
        assertThat((long) retention.get("evictedJobs")).isGreaterThan(TRIGGERS - 2L * CAP);
        // the emulator created exactly the backups the client was told about: none unknown, none dropped
        assertThat((long) retention.get("operations") + (long) retention.get("evictedOperations"))
                .isEqualTo(TRIGGERS);
        assertThat((long) retention.get("jobs") + (long) retention.get("evictedJobs")).isEqualTo(TRIGGERS);
    }

    private List<Followed> run(int triggers, SplittableRandom random) throws Exception {
        List<Followed> out = new ArrayList<>();
        for (int i = 0; i < triggers; i++) {
            String statusUrl = trigger(random);
            String opId = match(OPERATION_ID, statusUrl);
            String jobId = followOperation(statusUrl, opId, random);
            long seen = System.nanoTime();
            if (jobId != null && followJob(jobId, random, opId, seen)) {
                out.add(new Followed(opId, jobId));
            }
        }
        return out;
    }

    /** Triggers until accepted; answers the status URL. Faults and cap refusals are retried as a client would. */
    private String trigger(SplittableRandom random) throws Exception {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            HttpRequest.Builder post = request(mock.baseUrl() + mock.instanceId() + "/backup" + API, random, 0.20)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY));
            Optional<HttpResponse<String>> r = send(post.build());
            if (r.isEmpty()) {
                continue; // dropped before the emulator started anything
            }
            if (r.get().statusCode() == 202) {
                return r.get().headers().firstValue("Azure-AsyncOperation").orElseThrow();
            }
            assertThat(r.get().statusCode()).as(r.get().body()).isIn(429, 500, 503);
            backOff(r.get());
        }
        throw new AssertionError("a trigger was refused " + MAX_ATTEMPTS + " times");
    }

    /** Polls the operation to its end, alternating status and result URLs; answers its job id, or null if lost. */
    private String followOperation(String statusUrl, String opId, SplittableRandom random) throws Exception {
        long lastSeen = System.nanoTime();
        for (int attempt = 1; attempt <= 200; attempt++) {
            Optional<HttpResponse<String>> r = send(request(statusUrl, random, 0.10).GET().build());
            if (r.isEmpty() || r.get().statusCode() >= 500 || r.get().statusCode() == 429) {
                r.ifPresent(this::backOff);
                continue;
            }
            if (r.get().statusCode() != 200) {
                lost.add("operation " + opId + ": " + r.get().statusCode() + " " + r.get().body() + " ("
                        + (System.nanoTime() - lastSeen) / 1_000_000 + " ms after it was last seen; attempt " + attempt
                        + "; journal: " + mock.admin().journal("path=" + java.net.URLEncoder.encode(Pattern.quote(opId),
                                java.nio.charset.StandardCharsets.UTF_8)) + ")");
                return null;
            }
            lastSeen = System.nanoTime();
            OperationResource op = AzdpJson.read(r.get().body(), OperationResource.class);
            if (op.status().isTerminal()) {
                assertThat(op.status().isSucceeded()).as(r.get().body()).isTrue();
                return op.jobId().orElseThrow();
            }
            Thread.sleep(5);
        }
        lost.add("operation " + opId + " never finished");
        return null;
    }

    /** Reads the job until it is finished; false (and recorded) if it is lost. */
    private boolean followJob(String jobId, SplittableRandom random, String opId, long seen) throws Exception {
        for (int attempt = 1; attempt <= 200; attempt++) {
            Optional<HttpResponse<String>> r = send(request(mock.baseUrl() + jobId + API, random, 0.10).GET().build());
            if (r.isEmpty() || r.get().statusCode() >= 500 || r.get().statusCode() == 429) {
                r.ifPresent(this::backOff);
                continue;
            }
            if (r.get().statusCode() != 200) {
                String guid = jobId.substring(jobId.lastIndexOf('/') + 1);
                lost.add("job " + jobId + ": " + r.get().statusCode() + " " + r.get().body() + " ("
                        + (System.nanoTime() - seen) / 1_000_000 + " ms after its operation was seen finished;"
                        + " journal: " + mock.admin().journal("path=" + java.net.URLEncoder.encode(guid + "|"
                                + Pattern.quote(opId), java.nio.charset.StandardCharsets.UTF_8)) + ")");
                return false;
            }
            AzureBackupJobResource job = AzdpJson.read(r.get().body(), AzureBackupJobResource.class);
            if (job.properties().status().isTerminal()) {
                assertThat(job.properties().status().isSuccess()).as(r.get().body()).isTrue();
                return true;
            }
            Thread.sleep(10);
        }
        lost.add("job " + jobId + " never finished");
        return false;
    }

    /** A request that asks the emulator for a fault with probability {@code faults}. */
    private HttpRequest.Builder request(String url, SplittableRandom random, double faults) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                .header("Authorization", "Bearer " + token)
                .header("x-ms-client-request-id", java.util.UUID.randomUUID().toString());
        if (random.nextDouble() < faults) {
            String fault = List.of("429", "500", "503", "drop").get(random.nextInt(4));
            faultsServed.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
            b.header("x-soak-fault", fault);
        }
        return b;
    }

    /** The response, or empty when the connection was dropped. */
    private Optional<HttpResponse<String>> send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> r = http.get().send(request, HttpResponse.BodyHandlers.ofString());
            statusesSeen.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            return Optional.of(r);
        } catch (java.net.http.HttpTimeoutException timedOut) {
            statusesSeen.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
            return Optional.empty();
        } catch (IOException dropped) {
            statusesSeen.computeIfAbsent(0, k -> new AtomicInteger()).incrementAndGet();
            errors.computeIfAbsent(http.get().version() + " " + request.method() + " " + request.headers().firstValue("x-soak-fault").orElse("-")
                    + " " + dropped, k -> new AtomicInteger()).incrementAndGet();
            return Optional.empty();
        }
    }

    /** Waits the Retry-After the emulator asked for (its own cap refusals say 1 s; the injected faults 0). */
    private void backOff(HttpResponse<String> r) {
        long seconds = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L);
        try {
            Thread.sleep(Math.min(seconds, 5) * 1000 + 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> retention() {
        String json = mock.admin().get("/_mock/retention").body();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = AzdpJson.read(json, Map.class);
        Map<String, Object> longs = new TreeMap<>();
        m.forEach((k, v) -> longs.put(k, v instanceof Number n ? (Object) n.longValue() : v));
        return longs;
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        assertThat(m.find()).as(s).isTrue();
        return m.group(1);
    }
}
