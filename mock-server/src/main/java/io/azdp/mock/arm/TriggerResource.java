package io.azdp.mock.arm;

import io.azdp.mock.Ids;
import io.azdp.mock.MockConfig;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.error.CloudErrors;
import io.azdp.mock.gate.JournalEntry;
import io.azdp.mock.gate.RequestGate;
import io.azdp.mock.inventory.InstanceEntry;
import io.azdp.mock.inventory.PolicyEntry;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.mock.lro.BackupJob;
import io.azdp.mock.lro.MockClock;
import io.azdp.mock.lro.Operation;
import io.azdp.mock.lro.Scenario;
import io.azdp.mock.store.MockStore;
import io.azdp.mock.store.OperationsAndJobs;
import io.azdp.model.AzdpJson;
import io.azdp.model.InvalidJsonException;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.UserFacingError;
import io.azdp.model.arm.ArmHeaders;
import io.azdp.model.arm.ArmPaths;
import io.azdp.model.id.ArmNames;
import io.azdp.model.policy.InvalidAdhocBackupOptionException;
import io.azdp.model.OperationStatus;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The adhoc-backup trigger ({@code POST .../backupInstances/{name}/backup}): validates the body strictly, admits the
 * operation and job under the retention cap and answers 202 with the polling headers (or 200 in sync mode).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft.DataProtection (emulated)", description = "ARM surface of the adhoc-backup flow")
@NonBlocking
public class TriggerResource {

    private final MockStore store;
    private final MockClock clock;
    private final MockConfig config;
    private final ArmValidator validator;
    private final ArmViews views;
    private final LroAnswers answers;

    public TriggerResource(MockStore store, MockClock clock, MockConfig config, ArmValidator validator,
            ArmViews views, LroAnswers answers) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.validator = validator;
        this.views = views;
        this.answers = answers;
    }

    // ------------------------------------------------------------------ trigger

    @POST
    @Path(ArmPaths.ADHOC_BACKUP)
    @Consumes(MediaType.WILDCARD)
    public Response adhocBackup(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("backupInstanceName") String instanceName, @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            byte[] body, @Context UriInfo uri, @Context RoutingContext ctx) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        String name = validator.name(ArmNames::requireBackupInstanceName, instanceName);
        InstanceEntry instance = store.instance(vault, name).orElseThrow(() -> validator.notFound(
                "backupVaults/backupInstances", vault.name() + "/" + name, vault.resourceGroup()));
        String requestId = ctx.get(RequestGate.REQUEST_ID);
        TriggerBackupRequest request = parseBody(body, requestId);
        PolicyEntry policy = store.policy(vault, instance.policyName()).orElseThrow(() -> userError(
                "BMSUserErrorPolicyNotFound", "The backup policy '" + instance.policyName()
                        + "' of the backup instance no longer exists.", "policyInfo.policyId", requestId));
        String ruleName = request.backupRuleOptions().ruleName();
        String tag = request.backupRuleOptions().triggerOption().retentionTagOverride();
        try {
            policy.adhocOptions().validate(ruleName, tag);
        } catch (InvalidAdhocBackupOptionException e) {
            throw userError("BMSUserErrorInvalidInput", "Input provided for the call is invalid. " + e.getMessage(),
                    e.field(), requestId);
        }
        if (!views.instanceModel(instance).properties().allowsAdhocBackup()) {
            throw userError("UserErrorInvalidBackupInstanceState", "An adhoc backup cannot be triggered for backup"
                    + " instance '" + instance.name() + "' in protection state '" + instance.currentProtectionState()
                    + "'; expected ProtectionConfigured.", "currentProtectionState", requestId);
        }
        Scenario scenario = scenario(ctx);
        if (scenario.sync() && !OperationStatus.SUCCEEDED.value().equals(scenario.outcomeOrDefault())) {
            // synchronous failure: the error the Location URL would give at the end, straight away, and no job
            return LroAnswers.failedResponse(scenario, requestId);
        }
        Instant now = clock.now();
        String retentionTag = tag != null ? tag : policy.adhocOptions().rule(ruleName)
                .map(r -> r.defaultRetentionTag()).orElse("Default");
        boolean jobStarts = scenario.sync() || OperationStatus.SUCCEEDED.value().equals(scenario.outcomeOrDefault());
        BackupJob job = jobStarts ? new BackupJob(Ids.uuid(), store.nextJobSeq(), instance,
                policy.adhocOptions().rule(ruleName).map(r -> r.ruleName()).orElse(ruleName), retentionTag, now,
                scenario.jobDuration() != null ? scenario.jobDuration() : config.jobDuration(),
                scenario.jobOutcomeOrDefault(), requestId) : null;
        if (scenario.sync()) {
            journalEvictions(ctx, store.tracked().addJob(job));
            return Response.ok(new OperationJobExtendedInfo(job.armId())).build();
        }
        String opId = newOperationId();
        Operation op = new Operation(opId, instance, vault.location(), job, now,
                scenario.opDuration() != null ? scenario.opDuration() : config.operationDuration(), scenario,
                apiVersion);
        journalEvictions(ctx, store.tracked().add(op, job));
        Response.ResponseBuilder accepted = Response.accepted();
        String base = answers.base(ctx, uri);
        String headers = scenario.headersOrDefault();
        if (!"location-only".equals(headers)) {
            accepted.header(ArmHeaders.AZURE_ASYNC_OPERATION, LroAnswers.statusUrl(base, op));
        }
        if (!"async-only".equals(headers)) {
            accepted.header(ArmHeaders.LOCATION, LroAnswers.locationUrl(base, op));
        }
        int asked = answers.retryAfter(accepted, op);
        ctx.put(RequestGate.LRO, new JournalEntry.Lro(op.id(), 0, null, asked, null));
        return accepted.build();
    }

    private static void journalEvictions(RoutingContext ctx, OperationsAndJobs.Admission admission) {
        if (!admission.evicted().isEmpty()) {
            ctx.put(RequestGate.EVICTED, admission.evicted());
        }
    }

    private TriggerBackupRequest parseBody(byte[] body, String requestId) {
        if (body != null && body.length > config.maxBodyBytes()) {
            throw new ArmException(413, "RequestEntityTooLarge", "The request body has " + body.length
                    + " bytes; azdp-mock accepts at most " + config.maxBodyBytes() + " bytes.");
        }
        TriggerBackupRequest request;
        try {
            request = AzdpJson.read(body == null ? new byte[0] : body, TriggerBackupRequest.class);
        } catch (InvalidJsonException e) {
            throw new ArmException(400, "InvalidRequestContent",
                    "The request content was invalid and could not be deserialized: " + e.getMessage(), e.path(),
                    null);
        }
        if (request == null) {
            throw invalidInput(requestId, "$", "$: expected a TriggerBackupRequest object, got null");
        }
        if (request.backupRuleOptions() == null) {
            throw invalidInput(requestId, "backupRuleOptions",
                    "$.backupRuleOptions: required property missing; expected {\"ruleName\":..,\"triggerOption\":{}}");
        }
        String ruleName = request.backupRuleOptions().ruleName();
        if (ruleName == null || ruleName.isBlank()) {
            throw invalidInput(requestId, "backupRuleOptions.ruleName", "$.backupRuleOptions.ruleName: expected the name of a"
                    + " backup rule (AzureBackupRule) of the policy, got " + (ruleName == null ? "nothing" : "''"));
        }
        if (request.backupRuleOptions().triggerOption() == null) {
            throw invalidInput(requestId, "backupRuleOptions.triggerOption", "$.backupRuleOptions.triggerOption: required"
                    + " property missing; expected an object such as {} or {\"retentionTagOverride\":\"Default\"}");
        }
        return request;
    }

    /** DataProtection's answer to a body it cannot use: with the UserFacingError, like its other user errors. */
    private static ArmException invalidInput(String requestId, String target, String message) {
        return userError("BMSUserErrorInvalidInput", "Input provided for the call is invalid. " + message, target,
                requestId);
    }

    private static ArmException userError(String code, String message, String target, String activityId) {
        UserFacingError ufe = CloudErrors.userFacing(code, message, target, activityId, false,
                List.of("Check the request and retry."));
        return new ArmException(400, code, message, target, CloudErrors.userFacingInfo(ufe));
    }

    private static String newOperationId() {
        while (true) {
            String id = Ids.operationId();
            if (id.indexOf('/') < 0) {
                return id;
            }
        }
    }

    private Scenario scenario(RoutingContext ctx) {
        Scenario fromRequest = ctx.get(RequestGate.SCENARIO);
        Scenario base = config.defaultScenario().map(s -> Scenario.parse(s, config.scenarios())).orElse(Scenario.EMPTY);
        return base.overlay(fromRequest);
    }
}
