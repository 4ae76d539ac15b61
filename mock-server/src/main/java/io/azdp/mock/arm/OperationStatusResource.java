package io.azdp.mock.arm;

import static io.azdp.model.arm.ArmPaths.PROVIDER;

import io.azdp.mock.MockConfig;
import io.azdp.mock.lro.MockClock;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.gate.JournalEntry;
import io.azdp.mock.gate.RequestGate;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.mock.lro.Operation;
import io.azdp.mock.store.MockStore;
import io.azdp.model.arm.ArmHeaders;
import io.azdp.model.arm.ArmPaths;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.OperationStatus;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operation status and results at every scope ARM serves them (vault, resource group, location; instance results):
 * each poll is journaled with how it kept to the previous Retry-After.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft.DataProtection (emulated)", description = "ARM surface of the adhoc-backup flow")
@NonBlocking
public class OperationStatusResource {

    private static final OffsetDateTime NOT_ENDED = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private final MockStore store;
    private final MockClock clock;
    private final MockConfig config;
    private final ArmValidator validator;
    private final LroAnswers answers;

    public OperationStatusResource(MockStore store, MockClock clock, MockConfig config, ArmValidator validator,
            LroAnswers answers) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.validator = validator;
        this.answers = answers;
    }

    // ------------------------------------------------------------------ operation status / results

    @GET
    @Path(ArmPaths.VAULT_OPERATION_STATUS)
    public Response vaultOperationStatus(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("operationId") String opId, @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @Context UriInfo uri, @Context RoutingContext ctx) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        Operation op = operation(opId, o -> o.instance().vault().key().equals(vault.key()));
        return status(op, vault.armId() + "/operationStatus/" + opId, ctx);
    }

    @GET
    @Path(ArmPaths.RESOURCE_GROUP_OPERATION_STATUS)
    public Response resourceGroupOperationStatus(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("operationId") String opId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion, @Context RoutingContext ctx) {
        var group = validator.resourceGroup(sub, rg);
        Operation op = operation(opId, o -> o.instance().vault().subscriptionId().equalsIgnoreCase(sub)
                && o.instance().vault().resourceGroup().equalsIgnoreCase(group.name()));
        return status(op, "/subscriptions/" + group.subscriptionId() + "/resourceGroups/" + group.name() + PROVIDER
                + "/operationStatus/" + opId, ctx);
    }

    @GET
    @Path(ArmPaths.LOCATION_OPERATION_STATUS)
    public Response locationOperationStatus(@PathParam("subscriptionId") String sub,
            @PathParam("location") String location, @PathParam("operationId") String opId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion, @Context RoutingContext ctx) {
        validator.subscription(sub);
        Operation op = operation(opId, o -> o.instance().vault().subscriptionId().equalsIgnoreCase(sub)
                && o.location().equalsIgnoreCase(location));
        return status(op, "/subscriptions/" + sub + PROVIDER + "/locations/" + location + "/operationStatus/" + opId,
                ctx);
    }

    @GET
    @Path(ArmPaths.LOCATION_OPERATION_RESULT)
    public Response locationOperationResult(@PathParam("subscriptionId") String sub,
            @PathParam("location") String location, @PathParam("operationId") String opId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion, @Context UriInfo uri, @Context RoutingContext ctx) {
        validator.subscription(sub);
        Operation op = operation(opId, o -> o.instance().vault().subscriptionId().equalsIgnoreCase(sub)
                && o.location().equalsIgnoreCase(location));
        return result(op, uri, ctx);
    }

    @GET
    @Path(ArmPaths.VAULT_OPERATION_RESULT)
    public Response vaultOperationResult(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("operationId") String opId, @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @Context UriInfo uri, @Context RoutingContext ctx) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        Operation op = operation(opId, o -> o.instance().vault().key().equals(vault.key()));
        return result(op, uri, ctx);
    }

    @GET
    @Path(ArmPaths.INSTANCE_OPERATION_RESULT)
    public Response instanceOperationResult(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("backupInstanceName") String instanceName, @PathParam("operationId") String opId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion, @Context UriInfo uri, @Context RoutingContext ctx) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        Operation op = operation(opId, o -> o.instance().vault().key().equals(vault.key())
                && o.instance().name().equalsIgnoreCase(instanceName));
        return result(op, uri, ctx);
    }

    private Operation operation(String opId, java.util.function.Predicate<Operation> inScope) {
        return store.tracked().operation(opId).filter(inScope).orElseThrow(() -> new ArmException(404, "ResourceNotFound",
                store.tracked().operationEvictedAt(opId).map(at -> "The operation '" + opId + "' was evicted at " + at
                        + " by the retention cap (azdp.mock.max-jobs=" + config.maxJobs() + "): it had finished and"
                        + " was not polled for azdp.mock.retention-window (" + config.retentionWindow()
                        + ") while newer operations needed room.")
                        .orElseGet(() -> "The operation '" + opId + "' was not found in this scope: unknown, or"
                                + " forgotten on /_mock/reset or a seed replace" + store.tracked().retentionHint() + ".")));
    }

    private Response status(Operation op, String id, RoutingContext ctx) {
        journalPoll(op, ctx);
        Operation.Snapshot snap = op.poll(clock.now());
        OffsetDateTime start = op.start().atOffset(ZoneOffset.UTC);
        OperationResource body;
        if (!snap.done()) {
            body = new OperationResource(id, op.id(), OperationStatus.of(snap.status()), start, NOT_ENDED, null, null);
            Response.ResponseBuilder b = Response.ok(body);
            answers.retryAfter(b, op);
            return b.build();
        }
        op.answered(0);
        OffsetDateTime end = snap.endTime().atOffset(ZoneOffset.UTC);
        if (OperationStatus.SUCCEEDED.value().equals(snap.status())) {
            body = new OperationResource(id, op.id(), OperationStatus.SUCCEEDED, start, end, null,
                    new OperationJobExtendedInfo(op.job().armId()));
        } else {
            body = new OperationResource(id, op.id(), OperationStatus.of(snap.status()), start, end,
                    LroAnswers.failure(op).error(), null);
        }
        return Response.ok(body).build();
    }

    private Response result(Operation op, UriInfo uri, RoutingContext ctx) {
        journalPoll(op, ctx);
        Operation.Snapshot snap = op.poll(clock.now());
        if (!snap.done()) {
            String base = answers.base(ctx, uri);
            Response.ResponseBuilder b = Response.accepted()
                    .header(ArmHeaders.LOCATION, LroAnswers.locationUrl(base, op));
            if (!"location-only".equals(op.scenario().headersOrDefault())) {
                b.header(ArmHeaders.AZURE_ASYNC_OPERATION, LroAnswers.statusUrl(base, op));
            }
            answers.retryAfter(b, op);
            return b.build();
        }
        op.answered(0);
        if (OperationStatus.SUCCEEDED.value().equals(snap.status())) {
            return Response.ok(new OperationJobExtendedInfo(op.job().armId())).build();
        }
        return LroAnswers.failedResponse(op.scenario(), op.id());
    }
    /** Tells the journal which operation this poll is about and how it kept to the previous answer's Retry-After. */
    private static void journalPoll(Operation op, RoutingContext ctx) {
        Operation.PollTiming t = op.arrive();
        ctx.put(RequestGate.LRO, new JournalEntry.Lro(op.id(), t.number(), t.afterMs(), t.retryAfter(), t.earlyMs()));
    }
}
