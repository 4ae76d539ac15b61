package io.azdp.client.error;

import java.util.Optional;

import io.azdp.model.CloudError;
import io.azdp.model.Error;
import io.azdp.model.UserFacingError;

/**
 * Root of every error the client raises about a call to Azure Resource Manager (unchecked).
 *
 * <p>Carries the HTTP status (0 when no response was received or the error was found locally), the service's
 * {@link CloudError}, and the request ids needed for a support case. {@link #toString()} reads like the service's own
 * message, e.g.
 * {@code (BMSUserErrorInvalidInput) Input provided for the call is invalid. Status: 400, request id: ...}.
 * Messages never contain credentials.
 */
public class ArmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final transient CloudError cloudError;
    private final String requestId;
    private final String correlationId;
    private final String clientRequestId;

    public ArmException(String message, int httpStatus, CloudError cloudError, String requestId, String correlationId,
            String clientRequestId, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.cloudError = cloudError;
        this.requestId = requestId;
        this.correlationId = correlationId;
        this.clientRequestId = clientRequestId;
    }

    /** An error described by the service's response. */
    public ArmException(ErrorResponse response) {
        this(response.describe(), response.httpStatus(), response.cloudError(), response.requestId(),
                response.correlationId(), response.clientRequestId(), null);
    }

    /** A locally detected error with a plain message. */
    public ArmException(String message) {
        this(message, 0, null, null, null, null, null);
    }

    public ArmException(String message, Throwable cause) {
        this(message, 0, null, null, null, null, cause);
    }

    /** HTTP status of the failed response; 0 when there was none (connection failure, local check). */
    public int httpStatus() {
        return httpStatus;
    }

    public Optional<CloudError> cloudError() {
        return Optional.ofNullable(cloudError);
    }

    /** {@code error.code} of the service's answer, or null. */
    public String errorCode() {
        return error().map(Error::code).orElse(null);
    }

    /** {@code error.message} of the service's answer, or null. */
    public String errorMessage() {
        return error().map(Error::message).orElse(null);
    }

    /** {@code error.target}, or null. */
    public String target() {
        return error().map(Error::target).orElse(null);
    }

    /** The DataProtection {@link UserFacingError} from {@code additionalInfo[].info}, when the service sent one. */
    public Optional<UserFacingError> userFacingError() {
        return error().flatMap(Error::userFacingError);
    }

    /** {@code x-ms-request-id} of the failed response. */
    public String requestId() {
        return requestId;
    }

    /** {@code x-ms-correlation-request-id} (as returned, else as sent). */
    public String correlationId() {
        return correlationId;
    }

    /** {@code x-ms-client-request-id} the client sent. */
    public String clientRequestId() {
        return clientRequestId;
    }

    private Optional<Error> error() {
        return Optional.ofNullable(cloudError).map(CloudError::error);
    }

    /** The message alone, like the service phrases it (no class name). */
    @Override
    public String toString() {
        return getMessage();
    }
}
