package io.azdp.mock.arm;

import io.azdp.mock.BaseUrl;
import io.azdp.mock.Ids;
import io.azdp.mock.MockConfig;
import io.azdp.mock.admin.JournalEntry;
import io.azdp.mock.admin.RequestGate;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.error.CloudErrors;
import io.azdp.mock.lro.BackupJob;
import io.azdp.mock.lro.MockClock;
import io.azdp.mock.lro.Operation;
import io.azdp.mock.lro.Scenario;
import io.azdp.mock.store.InstanceEntry;
import io.azdp.mock.store.MockStore;
import io.azdp.mock.store.PolicyEntry;
import io.azdp.mock.store.VaultEntry;
import io.azdp.model.AzdpJson;
import io.azdp.model.InvalidJsonException;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.OperationStatus;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.UserFacingError;
import io.azdp.model.id.ArmNames;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.AzureBackupJobResourceList;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.policy.BaseBackupPolicyResourceList;
import io.azdp.model.policy.InvalidAdhocBackupOptionException;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The emulated Microsoft.DataProtection ARM surface for the adhoc-backup flow: trigger, operation status and
 * results at every scope, jobs, and the reads a client needs (vault, instance, policy).
 */
@Path("/subscriptions/{subscriptionId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft.DataProtection (emulated)", description = "ARM surface of the adhoc-backup flow")
@NonBlocking
public class ArmResource {

    private static final String PROVIDER = "/providers/Microsoft.DataProtection";
    private static final String VAULT = "/resourceGroups/{resourceGroupName}" + PROVIDER + "/backupVaults/{vaultName}";
    private static final OffsetDateTime NOT_ENDED = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final MockStore store;
    private final MockClock clock;
    private final MockConfig config;
    private final ArmValidator validator;
    private final ArmViews views;

    public ArmResource(MockStore store, MockClock clock, MockConfig config, ArmValidator validator, ArmViews views) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.validator = validator;
        this.views = views;
    }

    // ------------------------------------------------------------------ trigger

    @POST
    @Path(VAULT + "/backupInstances/{backupInstanceName}/backup")
    @Consumes(MediaType.WILDCARD)
    public Response adhocBackup(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("backupInstanceName") String instanceName, @QueryParam("api-version") String apiVersion,
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
        if (scenario.sync() && !"Succeeded".equals(scenario.outcomeOrDefault())) {
            // synchronous failure: the error the Location URL would give at the end, straight away, and no job
            return failedResponse(scenario, requestId);
        }
        Instant now = clock.now();
        String retentionTag = tag != null ? tag : policy.adhocOptions().rule(ruleName)
                .map(r -> r.defaultRetentionTag()).orElse("Default");
        boolean jobStarts = scenario.sync() || "Succeeded".equals(scenario.outcomeOrDefault());
        BackupJob job = jobStarts ? new BackupJob(Ids.uuid(), store.nextJobSeq(), instance,
                policy.adhocOptions().rule(ruleName).map(r -> r.ruleName()).orElse(ruleName), retentionTag, now,
                scenario.jobDuration() != null ? scenario.jobDuration() : config.jobDuration(),
                scenario.jobOutcomeOrDefault(), requestId) : null;
        if (scenario.sync()) {
            journalEvictions(ctx, store.addJob(job));
            return Response.ok(new OperationJobExtendedInfo(job.armId())).build();
        }
        String opId = newOperationId();
        Operation op = new Operation(opId, instance, vault.location(), job, now,
                scenario.opDuration() != null ? scenario.opDuration() : config.operationDuration(), scenario,
                apiVersion);
        journalEvictions(ctx, store.add(op, job));
        Response.ResponseBuilder accepted = Response.accepted();
        String base = base(ctx, uri);
        String headers = scenario.headersOrDefault();
        if (!"location-only".equals(headers)) {
            accepted.header("Azure-AsyncOperation", statusUrl(base, op));
        }
        if (!"async-only".equals(headers)) {
            accepted.header("Location", locationUrl(base, op));
        }
        int asked = retryAfter(accepted, op);
        ctx.put(RequestGate.LRO, new JournalEntry.Lro(op.id(), 0, null, asked, null));
        return accepted.build();
    }

    private static void journalEvictions(RoutingContext ctx, MockStore.Admission admission) {
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

    // ------------------------------------------------------------------ operation status / results

    @GET
    @Path(VAULT + "/operationStatus/{operationId}")
    public Response vaultOperationStatus(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("operationId") String opId, @QueryParam("api-version") String apiVersion,
            @Context UriInfo uri, @Context RoutingContext ctx) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        Operation op = operation(opId, o -> o.instance().vault().key().equals(vault.key()));
        return status(op, vault.armId() + "/operationStatus/" + opId, ctx);
    }

    @GET
    @Path("/resourceGroups/{resourceGroupName}" + PROVIDER + "/operationStatus/{operationId}")
    public Response resourceGroupOperationStatus(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("operationId") String opId,
            @QueryParam("api-version") String apiVersion, @Context RoutingContext ctx) {
        var group = validator.resourceGroup(sub, rg);
        Operation op = operation(opId, o -> o.instance().vault().subscriptionId().equalsIgnoreCase(sub)
                && o.instance().vault().resourceGroup().equalsIgnoreCase(group.name()));
        return status(op, "/subscriptions/" + group.subscriptionId() + "/resourceGroups/" + group.name() + PROVIDER
                + "/operationStatus/" + opId, ctx);
    }

    @GET
    @Path(PROVIDER + "/locations/{location}/operationStatus/{operationId}")
    public Response locationOperationStatus(@PathParam("subscriptionId") String sub,
            @PathParam("location") String location, @PathParam("operationId") String opId,
            @QueryParam("api-version") String apiVersion, @Context RoutingContext ctx) {
        validator.subscription(sub);
        Operation op = operation(opId, o -> o.instance().vault().subscriptionId().equalsIgnoreCase(sub)
                && o.location().equalsIgnoreCase(location));
        return status(op, "/subscriptions/" + sub + PROVIDER + "/locations/" + location + "/operationStatus/" + opId,
                ctx);
    }

    @GET
    @Path(PROVIDER + "/locations/{location}/operationResults/{operationId}")
    public Response locationOperationResult(@PathParam("subscriptionId") String sub,
            @PathParam("location") String location, @PathParam("operationId") String opId,
            @QueryParam("api-version") String apiVersion, @Context UriInfo uri, @Context RoutingContext ctx) {
        validator.subscription(sub);
        Operation op = operation(opId, o -> o.instance().vault().subscriptionId().equalsIgnoreCase(sub)
                && o.location().equalsIgnoreCase(location));
        return result(op, uri, ctx);
    }

    @GET
    @Path(VAULT + "/operationResults/{operationId}")
    public Response vaultOperationResult(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("operationId") String opId, @QueryParam("api-version") String apiVersion,
            @Context UriInfo uri, @Context RoutingContext ctx) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        Operation op = operation(opId, o -> o.instance().vault().key().equals(vault.key()));
        return result(op, uri, ctx);
    }

    @GET
    @Path(VAULT + "/backupInstances/{backupInstanceName}/operationResults/{operationId}")
    public Response instanceOperationResult(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("backupInstanceName") String instanceName, @PathParam("operationId") String opId,
            @QueryParam("api-version") String apiVersion, @Context UriInfo uri, @Context RoutingContext ctx) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        Operation op = operation(opId, o -> o.instance().vault().key().equals(vault.key())
                && o.instance().name().equalsIgnoreCase(instanceName));
        return result(op, uri, ctx);
    }

    private Operation operation(String opId, java.util.function.Predicate<Operation> inScope) {
        return store.operation(opId).filter(inScope).orElseThrow(() -> new ArmException(404, "ResourceNotFound",
                store.operationEvictedAt(opId).map(at -> "The operation '" + opId + "' was evicted at " + at
                        + " by the retention cap (azdp.mock.max-jobs=" + config.maxJobs() + "): it had finished and"
                        + " was not polled for azdp.mock.retention-window (" + config.retentionWindow()
                        + ") while newer operations needed room.")
                        .orElseGet(() -> "The operation '" + opId + "' was not found in this scope: unknown, or"
                                + " forgotten on /_mock/reset or a seed replace" + store.retentionHint() + ".")));
    }

    private Response status(Operation op, String id, RoutingContext ctx) {
        journalPoll(op, ctx);
        Operation.Snapshot snap = op.poll(clock.now());
        OffsetDateTime start = op.start().atOffset(ZoneOffset.UTC);
        OperationResource body;
        if (!snap.done()) {
            body = new OperationResource(id, op.id(), OperationStatus.of(snap.status()), start, NOT_ENDED, null, null);
            Response.ResponseBuilder b = Response.ok(body);
            retryAfter(b, op);
            return b.build();
        }
        op.answered(0);
        OffsetDateTime end = snap.endTime().atOffset(ZoneOffset.UTC);
        if ("Succeeded".equals(snap.status())) {
            body = new OperationResource(id, op.id(), OperationStatus.SUCCEEDED, start, end, null,
                    new OperationJobExtendedInfo(op.job().armId()));
        } else {
            body = new OperationResource(id, op.id(), OperationStatus.of(snap.status()), start, end,
                    failure(op).error(), null);
        }
        return Response.ok(body).build();
    }

    private Response result(Operation op, UriInfo uri, RoutingContext ctx) {
        journalPoll(op, ctx);
        Operation.Snapshot snap = op.poll(clock.now());
        if (!snap.done()) {
            String base = base(ctx, uri);
            Response.ResponseBuilder b = Response.accepted().header("Location", locationUrl(base, op));
            if (!"location-only".equals(op.scenario().headersOrDefault())) {
                b.header("Azure-AsyncOperation", statusUrl(base, op));
            }
            retryAfter(b, op);
            return b.build();
        }
        op.answered(0);
        if ("Succeeded".equals(snap.status())) {
            return Response.ok(new OperationJobExtendedInfo(op.job().armId())).build();
        }
        return failedResponse(op.scenario(), op.id());
    }

    /** A failed operation's error as a response: 409 when canceled, 400 for a user error, else 500. */
    private static Response failedResponse(Scenario scenario, String activityId) {
        io.azdp.model.CloudError error = failure(scenario, activityId);
        String code = error.error().code();
        int status = "Canceled".equals(scenario.outcomeOrDefault()) ? 409
                : code.startsWith("UserError") || code.startsWith("BMSUserError") ? 400 : 500;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }

    private static io.azdp.model.CloudError failure(Operation op) {
        return failure(op.scenario(), op.id());
    }

    private static io.azdp.model.CloudError failure(Scenario s, String activityId) {
        boolean canceled = "Canceled".equals(s.outcomeOrDefault());
        String code = s.errorCode() != null ? s.errorCode() : canceled ? "OperationCanceled" : "OperationFailed";
        String message = s.errorMessage() != null ? s.errorMessage()
                : canceled ? "The adhoc backup operation was canceled." : "The adhoc backup operation failed.";
        UserFacingError ufe = CloudErrors.userFacing(code, message, null, activityId, !canceled, List.of(
                "Retry the operation; if it keeps failing, check the backup instance's health."));
        return CloudErrors.of(code, message, null, CloudErrors.userFacingInfo(ufe));
    }

    /** Sets Retry-After (unless the scenario omits it) and returns the seconds asked for (0: none). */
    private int retryAfter(Response.ResponseBuilder b, Operation op) {
        Integer fromScenario = op.scenario().retryAfter();
        int seconds = fromScenario != null ? fromScenario : config.retryAfter();
        if (seconds >= 0) {
            b.header("Retry-After", String.valueOf(seconds));
        }
        op.answered(seconds);
        return Math.max(seconds, 0);
    }

    /** Tells the journal which operation this poll is about and how it kept to the previous answer's Retry-After. */
    private static void journalPoll(Operation op, RoutingContext ctx) {
        Operation.PollTiming t = op.arrive();
        ctx.put(RequestGate.LRO, new JournalEntry.Lro(op.id(), t.number(), t.afterMs(), t.retryAfter(), t.earlyMs()));
    }

    private static String locationUrl(String base, Operation op) {
        return base + "/subscriptions/" + op.instance().vault().subscriptionId() + PROVIDER + "/locations/"
                + op.location() + "/operationResults/" + op.id() + "?api-version=" + op.apiVersion() + signed(op);
    }

    /** The vault-scoped status URL of {@code Azure-AsyncOperation}. */
    private static String statusUrl(String base, Operation op) {
        return base + op.instance().vault().armId() + "/operationStatus/" + op.id() + "?api-version="
                + op.apiVersion() + signed(op);
    }

    /**
     * With {@code signedUrls=true}: the query parameters the real service signs its polling URLs with ({@code t}
     * ticks, {@code c} a certificate, {@code s} a signature, {@code h} a hash), about 3 KB, the same on every answer
     * about one operation. The emulator ignores them when polled, as the real service checks them.
     */
    static String signed(Operation op) {
        if (!op.scenario().signedUrlsOrDefault()) {
            return "";
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(op.id().hashCode());
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return "&t=" + (639_000_000_000_000_000L + random.nextLong(1_000_000_000_000_000L)) + "&c="
                + b64.encodeToString(bytes(random, 1_800)) + "&s=" + b64.encodeToString(bytes(random, 256)) + "&h="
                + b64.encodeToString(bytes(random, 32));
    }

    private static byte[] bytes(java.util.SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private String base(RoutingContext ctx, UriInfo uri) {
        String base = BaseUrl.of(config.publicUrl(), ctx == null ? null : ctx.request());
        if (base != null) {
            return base;
        }
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    // ------------------------------------------------------------------ jobs

    @GET
    @Path(VAULT + "/backupJobs/{jobId}")
    public AzureBackupJobResource job(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("jobId") String jobId, @QueryParam("api-version") String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        if (!ArmNames.isUuid(jobId)) {
            throw new ArmException(404, "UserErrorGenericResourceNotFound", "The backup job '" + jobId
                    + "' was not found: expected " + ArmNames.JOB_ID_RULE + ".");
        }
        BackupJob job = store.job(vault, jobId).orElseThrow(() -> new ArmException(404,
                "UserErrorGenericResourceNotFound", store.jobEvictedAt(jobId).map(at -> "The backup job '" + jobId
                        + "' was evicted at " + at + " by the retention cap (azdp.mock.max-jobs=" + config.maxJobs()
                        + "): it had finished and was not read for azdp.mock.retention-window ("
                        + config.retentionWindow() + ") while newer jobs needed room.")
                        .orElseGet(() -> "The backup job '" + jobId + "' was not found in vault '" + vault.name()
                                + "': unknown, or forgotten on /_mock/reset or a seed replace"
                                + store.retentionHint() + ".")));
        return views.job(job, clock.now());
    }

    @GET
    @Path(VAULT + "/backupJobs")
    public AzureBackupJobResourceList jobs(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @QueryParam("api-version") String apiVersion, @QueryParam("$skipToken") String skipToken,
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
        NavigableMap<Long, BackupJob> rest = store.jobsAfter(vault, after);
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
            next = base(ctx, uri) + vault.armId() + "/backupJobs?api-version=" + apiVersion + "&$skipToken=" + last;
        }
        String forced = ctx.get(RequestGate.NEXT_LINK);
        if (forced != null) {
            next = forced;
        }
        return new AzureBackupJobResourceList(page, next);
    }

    // ------------------------------------------------------------------ reads

    @GET
    @Path(VAULT)
    public Object vault(@PathParam("subscriptionId") String sub, @PathParam("resourceGroupName") String rg,
            @PathParam("vaultName") String vaultName, @QueryParam("api-version") String apiVersion) {
        return views.vault(validator.vault(sub, rg, vaultName));
    }

    @GET
    @Path("/resourceGroups/{resourceGroupName}" + PROVIDER + "/backupVaults")
    public Map<String, Object> vaults(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @QueryParam("api-version") String apiVersion) {
        var group = validator.resourceGroup(sub, rg);
        List<Object> value = new ArrayList<>();
        for (VaultEntry v : store.vaults()) {
            if (v.subscriptionId().equalsIgnoreCase(group.subscriptionId())
                    && v.resourceGroup().equalsIgnoreCase(group.name())) {
                value.add(views.vault(v));
            }
        }
        return Map.of("value", value);
    }

    @GET
    @Path(VAULT + "/backupInstances/{backupInstanceName}")
    public Object instance(@PathParam("subscriptionId") String sub, @PathParam("resourceGroupName") String rg,
            @PathParam("vaultName") String vaultName, @PathParam("backupInstanceName") String instanceName,
            @QueryParam("api-version") String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        String name = validator.name(ArmNames::requireBackupInstanceName, instanceName);
        return views.instanceModel(store.instance(vault, name).orElseThrow(() -> validator.notFound(
                "backupVaults/backupInstances", vault.name() + "/" + name, vault.resourceGroup())));
    }

    @GET
    @Path(VAULT + "/backupInstances")
    public Map<String, Object> instances(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @QueryParam("api-version") String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        List<Object> value = new ArrayList<>();
        for (InstanceEntry i : store.instances(vault)) {
            value.add(views.instanceModel(i));
        }
        return Map.of("value", value);
    }

    @GET
    @Path(VAULT + "/backupPolicies/{backupPolicyName}")
    public BaseBackupPolicyResource policy(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @PathParam("backupPolicyName") String policyName, @QueryParam("api-version") String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        String name = validator.name(ArmNames::requirePolicyName, policyName);
        return views.policy(store.policy(vault, name).orElseThrow(() -> validator.notFound(
                "backupVaults/backupPolicies", vault.name() + "/" + name, vault.resourceGroup())));
    }

    @GET
    @Path(VAULT + "/backupPolicies")
    public BaseBackupPolicyResourceList policies(@PathParam("subscriptionId") String sub,
            @PathParam("resourceGroupName") String rg, @PathParam("vaultName") String vaultName,
            @QueryParam("api-version") String apiVersion) {
        VaultEntry vault = validator.vault(sub, rg, vaultName);
        return new BaseBackupPolicyResourceList(store.policies(vault).stream().map(views::policy).toList(), null);
    }
}
