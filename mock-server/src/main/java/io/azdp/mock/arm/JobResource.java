package io.azdp.mock.arm;

import io.azdp.mock.MockConfig;
import io.azdp.mock.lro.MockClock;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.gate.RequestGate;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.mock.lro.BackupJob;
import io.azdp.mock.store.MockStore;
import io.azdp.model.arm.ArmHeaders;
import io.azdp.model.arm.ArmPaths;
import io.azdp.model.id.ArmNames;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.AzureBackupJobResourceList;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Backup jobs of a vault: one by id, and the list in creation order with {@code $skipToken} paging.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft.DataProtection (emulated)", description = "ARM surface of the adhoc-backup flow")
@NonBlocking
public class JobResource {

    private final MockStore store;
    private final MockClock clock;
    private final MockConfig config;
    private final ArmValidator validator;
    private final ArmViews views;
    private final LroAnswers answers;

    public JobResource(MockStore store, MockClock clock, MockConfig config, ArmValidator validator, ArmViews views,
            LroAnswers answers) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.validator = validator;
        this.views = views;
        this.answers = answers;
    }

    // ------------------------------------------------------------------ jobs

    @GET
    @Path(ArmPaths.BACKUP_JOB)
    public AzureBackupJobResource job(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("jobId") String jobId, @QueryParam(ArmHeaders.API_VERSION) String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        if (!ArmNames.isUuid(jobId)) {
            throw new ArmException(404, "UserErrorGenericResourceNotFound", "The backup job '" + jobId
                    + "' was not found: expected " + ArmNames.JOB_ID_RULE + ".");
        }
        BackupJob job = store.tracked().job(vault, jobId).orElseThrow(() -> new ArmException(404,
                "UserErrorGenericResourceNotFound", store.tracked().jobEvictedAt(jobId).map(at -> "The backup job '" + jobId
                        + "' was evicted at " + at + " by the retention cap (azdp.mock.max-jobs=" + config.maxJobs()
                        + "): it had finished and was not read for azdp.mock.retention-window ("
                        + config.retentionWindow() + ") while newer jobs needed room.")
                        .orElseGet(() -> "The backup job '" + jobId + "' was not found in vault '" + vault.name()
                                + "': unknown, or forgotten on /_mock/reset or a seed replace"
                                + store.tracked().retentionHint() + ".")));
        return views.job(job, clock.now());
    }

    @GET
    @Path(ArmPaths.BACKUP_JOBS)
    public AzureBackupJobResourceList jobs(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion, @QueryParam("$skipToken") String skipToken,
            @Context UriInfo uri, @Context RoutingContext ctx) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        long after = 0;
        if (skipToken != null && !skipToken.isBlank()) {
            try {
                after = Long.parseLong(skipToken);
            } catch (NumberFormatException e) {
                throw ArmException.badRequest("InvalidSkipToken", "$skipToken: expected the token from a nextLink, got '"
                        + skipToken + "'");
            }
        }
        NavigableMap<Long, BackupJob> rest = store.tracked().jobsAfter(vault, after);
        Instant now = clock.now();
        List<AzureBackupJobResource> page = new ArrayList<>();
        long last = after;
        for (Map.Entry<Long, BackupJob> e : rest.entrySet()) {
            if (page.size() == config.jobPageSize()) {
                break;
            }
            page.add(views.job(e.getValue(), now));
            last = e.getKey();
        }
        String next = null;
        if (!rest.tailMap(last, false).isEmpty()) {
            next = answers.base(ctx, uri) + vault.armId() + "/backupJobs?api-version=" + apiVersion
                    + "&$skipToken=" + last;
        }
        String forced = ctx.get(RequestGate.NEXT_LINK);
        if (forced != null) {
            next = forced;
        }
        return new AzureBackupJobResourceList(page, next);
    }
}
