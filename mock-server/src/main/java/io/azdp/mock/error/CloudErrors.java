package io.azdp.mock.error;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.AzdpJson;
import io.azdp.model.CloudError;
import io.azdp.model.Error;
import io.azdp.model.ErrorAdditionalInfo;
import io.azdp.model.InnerError;
import io.azdp.model.UserFacingError;
import java.util.List;
import java.util.Map;

/** Renders ARM CloudError bodies with the api-model types. */
public final class CloudErrors {

    private CloudErrors() {
    }

    public static CloudError of(String code, String message, String target, List<ErrorAdditionalInfo> additionalInfo) {
        return new CloudError(new Error(code, message, target, List.of(),
                additionalInfo == null ? List.of() : additionalInfo));
    }

    public static String json(String code, String message) {
        return json(code, message, null, null);
    }

    public static String json(String code, String message, String target, List<ErrorAdditionalInfo> additionalInfo) {
        return AzdpJson.write(of(code, message, target, additionalInfo));
    }

    /** The default ARM code for an HTTP status the emulator is told to fake. */
    public static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "AuthenticationFailed";
            case 403 -> "AuthorizationFailed";
            case 404 -> "ResourceNotFound";
            case 409 -> "Conflict";
            case 429 -> "SubscriptionRequestsThrottled";
            case 500 -> "InternalServerError";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> "MockFault";
        };
    }

    public static String defaultMessage(int status) {
        return switch (status) {
            case 429 -> "Number of requests for subscription exceeded the limit. Please try again after some time.";
            case 500 -> "The server encountered an internal error. Please retry the request.";
            case 503 -> "The service is temporarily unavailable. Please retry the request.";
            default -> "Fault injected by azdp-mock (HTTP " + status + ").";
        };
    }

    /** A DataProtection-style UserFacingError. */
    public static UserFacingError userFacing(String code, String message, String target, String activityId,
            boolean retryable, List<String> recommendedAction) {
        return new UserFacingError(code, message, target, retryable, true, recommendedAction,
                Map.of("ActivityId", activityId), List.of(), new InnerError(Map.of(), code, null));
    }

    /** The additionalInfo list DataProtection sends: one entry of type UserFacingError. */
    public static List<ErrorAdditionalInfo> userFacingInfo(UserFacingError error) {
        JsonNode info = AzdpJson.newMapper().valueToTree(error);
        return List.of(new ErrorAdditionalInfo("UserFacingError", info));
    }
}
