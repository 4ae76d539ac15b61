package io.azdp.client.error;

import java.time.Duration;
import java.util.Locale;

import io.azdp.model.AzdpJson;
import io.azdp.model.CloudError;
import io.azdp.model.Error;

/** Maps a failed HTTP response to the {@link ArmException} subtype the caller should see. */
public final class ArmErrors {
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private ArmErrors() {
    }

    /**
     * Parses an ARM error body. Accepts the standard {@code {"error":{...}}}, the unwrapped {@code {"code","message"}}
     * some gateways send, and anything else (HTML, empty) as a synthesised error named after the status.
     */
    public static CloudError parseCloudError(int status, String body) {
        if (body != null && !body.isBlank()) {
            try {
                CloudError ce = AzdpJson.read(body, CloudError.class);
                if (ce != null && ce.error() != null && (ce.error().code() != null || ce.error().message() != null)) {
                    return ce;
                }
                Error bare = AzdpJson.read(body, Error.class);
                if (bare != null && (bare.code() != null || bare.message() != null)) {
                    return new CloudError(bare);
                }
            } catch (RuntimeException notJson) {
                // fall through: not an ARM error body
            }
        }
        return CloudError.of(codeFor(status), messageFor(status, body));
    }

    /**
     * The exception for a failed response.
     *
     * @param polling    true when the request was a poll of a status/result URL: a 4xx there is a
     *                   {@link PollingException}, not a verdict on the backup
     * @param retryAfter the parsed Retry-After of the response, if any
     */
    public static ArmException map(ErrorResponse r, boolean polling, Duration retryAfter) {
        int s = r.httpStatus();
        if (s == 401) {
            return new AuthenticationException(r);
        }
        if (s == 403) {
            return new AuthorizationFailedException(r);
        }
        if (s == 429) {
            return new ThrottledException(r, retryAfter);
        }
        if (s == 408 || s >= 500) {
            return new ServiceUnavailableException(r);
        }
        if (polling) {
            return new PollingException(r);
        }
        if (s == 404) {
            return new ResourceNotFoundException(r);
        }
        if (s == 409) {
            return new ConflictException(r);
        }
        return new ServiceRejectedException(r);
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 408 -> "RequestTimeout";
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalServerError";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> "HttpStatus" + status;
        };
    }

    private static String messageFor(int status, String body) {
        if (body == null || body.isBlank() || body.trim().toLowerCase(Locale.ROOT).startsWith("<")) {
            return "The service answered HTTP " + status + " without an error body";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() > MAX_BODY_IN_MESSAGE ? oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "..." : oneLine;
    }
}
