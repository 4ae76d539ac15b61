package io.azdp.mock.arm;

import static io.azdp.model.arm.ArmPaths.PROVIDER;

import io.azdp.mock.BaseUrl;
import io.azdp.mock.MockConfig;
import io.azdp.mock.error.CloudErrors;
import io.azdp.mock.lro.Operation;
import io.azdp.mock.lro.Scenario;
import io.azdp.model.UserFacingError;
import io.azdp.model.arm.ArmHeaders;
import io.azdp.model.OperationStatus;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * What every answer about a long-running operation shares: the polling URLs ({@code Azure-AsyncOperation},
 * {@code Location}, signed like the real service's when the scenario asks), Retry-After, and a failed operation's
 * CloudError and status.
 */
@ApplicationScoped
class LroAnswers {

    private final MockConfig config;

    LroAnswers(MockConfig config) {
        this.config = config;
    }

    /** A failed operation's error as a response: 409 when canceled, 400 for a user error, else 500. */
    static Response failedResponse(Scenario scenario, String activityId) {
        io.azdp.model.CloudError error = failure(scenario, activityId);
        String code = error.error().code();
        int status = OperationStatus.CANCELED.value().equals(scenario.outcomeOrDefault()) ? 409
                : code.startsWith("UserError") || code.startsWith("BMSUserError") ? 400 : 500;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }

    static io.azdp.model.CloudError failure(Operation op) {
        return failure(op.scenario(), op.id());
    }

    private static io.azdp.model.CloudError failure(Scenario s, String activityId) {
        boolean canceled = OperationStatus.CANCELED.value().equals(s.outcomeOrDefault());
        String code = s.errorCode() != null ? s.errorCode() : canceled ? "OperationCanceled" : "OperationFailed";
        String message = s.errorMessage() != null ? s.errorMessage()
                : canceled ? "The adhoc backup operation was canceled." : "The adhoc backup operation failed.";
        UserFacingError ufe = CloudErrors.userFacing(code, message, null, activityId, !canceled, List.of(
                "Retry the operation; if it keeps failing, check the backup instance's health."));
        return CloudErrors.of(code, message, null, CloudErrors.userFacingInfo(ufe));
    }

    /** Sets Retry-After (unless the scenario omits it) and returns the seconds asked for (0: none). */
    int retryAfter(Response.ResponseBuilder b, Operation op) {
        Integer fromScenario = op.scenario().retryAfter();
        int seconds = fromScenario != null ? fromScenario : config.retryAfter();
        if (seconds >= 0) {
            b.header(ArmHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        op.answered(seconds);
        return Math.max(seconds, 0);
    }

    static String locationUrl(String base, Operation op) {
        return base + "/subscriptions/" + op.instance().vault().subscriptionId() + PROVIDER + "/locations/"
                + op.location() + "/operationResults/" + op.id() + "?api-version=" + op.apiVersion() + signed(op);
    }

    /** The vault-scoped status URL of {@code Azure-AsyncOperation}. */
    static String statusUrl(String base, Operation op) {
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

    String base(RoutingContext ctx, UriInfo uri) {
        String base = BaseUrl.of(config.publicUrl(), ctx == null ? null : ctx.request());
        if (base != null) {
            return base;
        }
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
