package io.azdp.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.azdp.client.MutinyDataProtectionClient;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.id.JobId;
import io.azdp.model.job.AzureBackupJobResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Many adhoc backups at once through the Mutiny API: timers, not threads, do the waiting. */
@QuarkusTest
class ConcurrencyE2ETest extends E2eSupport {
    static final int BACKUPS = Integer.getInteger("azdp.it.concurrent-backups", 1000);

    @Test
    void thousandConcurrentAdhocBackupsAllReachTheirJobs() {
        MutinyDataProtectionClient m = client("retryAfter=1", b -> b.connectionPoolSize(64)
                .jobPollInterval(Duration.ofMillis(500))).mutiny();
        TriggerBackupRequest weekly = TriggerBackupRequest.of("BackupWeekly", "Weekly");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        threads.resetPeakThreadCount();

        List<Uni<AzureBackupJobResource>> all = IntStream.range(0, BACKUPS)
                .mapToObj(i -> m.adhocBackup(INSTANCE, weekly, Duration.ofMinutes(3))
                        .chain(r -> m.waitForJob(VAULT, JobId.parse(r.jobId()), Duration.ofMinutes(3))))
                .toList();
        List<AzureBackupJobResource> jobs = Uni.join().all(all).andFailFast().await().atMost(Duration.ofMinutes(5));

        assertThat(jobs).hasSize(BACKUPS);
        assertThat(jobs.stream().map(AzureBackupJobResource::id).collect(Collectors.toSet())).hasSize(BACKUPS);
        assertThat(jobs).allSatisfy(j -> assertThat(j.properties().status().isSuccess()).isTrue());
        // 1,000 operations in flight did not need 1,000 threads
        assertThat(threads.getPeakThreadCount() - before).isLessThan(100);
        // one token, one pre-flight read of instance and policy for all of them
        assertThat(mock().journal("GET", "/backupInstances/[^/]+$")).hasSize(1);
        assertThat(mock().journal("GET", "/backupPolicies/")).hasSize(1);
    }
}
