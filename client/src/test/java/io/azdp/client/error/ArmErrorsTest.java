package io.azdp.client.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.azdp.model.CloudError;

class ArmErrorsTest {
    static final String BMS_INVALID_INPUT = """
            {"error":{"code":"BMSUserErrorInvalidInput","message":"Input provided for the call is invalid",
              "target":"","details":[],
              "additionalInfo":[{"type":"UserFacingError","info":{"code":"BMSUserErrorInvalidInput",
                "message":"Input provided for the call is invalid","isRetryable":false,"isUserError":true,
                "recommendedAction":["Check the rule name"],"properties":{"ActivityId":"a1b2"},"details":[]}}]}}
            """;

    private static ErrorResponse response(int status, String body) {
        return new ErrorResponse(status, ArmErrors.parseCloudError(status, body), "req-123", "corr-9", "cli-7");
    }

    @Test
    void cloudErrorWithUserFacingErrorReadsLikeTheService() {
        ArmException e = ArmErrors.map(response(400, BMS_INVALID_INPUT), false, null);
        assertThat(e).isExactlyInstanceOf(ServiceRejectedException.class);
        assertThat(e.toString()).isEqualTo(
                "(BMSUserErrorInvalidInput) Input provided for the call is invalid. Status: 400, request id: req-123");
        assertThat(e.getMessage()).isEqualTo(e.toString());
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("BMSUserErrorInvalidInput");
        assertThat(e.requestId()).isEqualTo("req-123");
        assertThat(e.correlationId()).isEqualTo("corr-9");
        assertThat(e.clientRequestId()).isEqualTo("cli-7");
        assertThat(e.userFacingError()).hasValueSatisfying(u -> {
            assertThat(u.isUserError()).isTrue();
            assertThat(u.recommendedAction()).containsExactly("Check the rule name");
            assertThat(u.properties()).containsEntry("ActivityId", "a1b2");
        });
    }

    @Test
    void statusesMapToTheirSubtypes() {
        String body = "{\"error\":{\"code\":\"X\",\"message\":\"m\"}}";
        assertThat(ArmErrors.map(response(401, body), false, null)).isExactlyInstanceOf(AuthenticationException.class);
        assertThat(ArmErrors.map(response(403, body), false, null))
                .isExactlyInstanceOf(AuthorizationFailedException.class).isInstanceOf(AuthenticationException.class);
        assertThat(ArmErrors.map(response(404, body), false, null)).isExactlyInstanceOf(ResourceNotFoundException.class);
        assertThat(ArmErrors.map(response(409, body), false, null)).isExactlyInstanceOf(ConflictException.class);
        assertThat(ArmErrors.map(response(408, body), false, null))
                .isExactlyInstanceOf(ServiceUnavailableException.class);
        assertThat(ArmErrors.map(response(502, body), false, null))
                .isExactlyInstanceOf(ServiceUnavailableException.class);
        ArmException throttled = ArmErrors.map(response(429, body), false, Duration.ofSeconds(30));
        assertThat(throttled).isExactlyInstanceOf(ThrottledException.class);
        assertThat(((ThrottledException) throttled).retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void aFourHundredOnAStatusUrlIsAPollingFailureNotAVerdictOnTheBackup() {
        String body = "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"gone\"}}";
        assertThat(ArmErrors.map(response(404, body), true, null)).isExactlyInstanceOf(PollingException.class);
        assertThat(ArmErrors.map(response(400, body), true, null)).isExactlyInstanceOf(PollingException.class);
        assertThat(ArmErrors.map(response(401, body), true, null)).isInstanceOf(AuthenticationException.class);
        assertThat(ArmErrors.map(response(503, body), true, null))
                .isExactlyInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void unwrappedAndNonJsonBodiesStillGiveACodeAndMessage() {
        CloudError bare = ArmErrors.parseCloudError(400, "{\"code\":\"InvalidApiVersionParameter\",\"message\":\"bad\"}");
        assertThat(bare.error().code()).isEqualTo("InvalidApiVersionParameter");
        CloudError html = ArmErrors.parseCloudError(502, "<html><body>Bad Gateway</body></html>");
        assertThat(html.error().code()).isEqualTo("BadGateway");
        assertThat(html.error().message()).isEqualTo("The service answered HTTP 502 without an error body");
        CloudError text = ArmErrors.parseCloudError(503, "  upstream\n  overloaded ");
        assertThat(text.error().code()).isEqualTo("ServiceUnavailable");
        assertThat(text.error().message()).isEqualTo("upstream overloaded");
        assertThat(ArmErrors.parseCloudError(418, "").error().code()).isEqualTo("HttpStatus418");
        assertThat(ArmErrors.map(response(503, ""), false, null).toString())
                .isEqualTo("(ServiceUnavailable) The service answered HTTP 503 without an error body. Status: 503, "
                        + "request id: req-123");
    }

    @Test
    void messageWithoutRequestIdOrWithTrailingPeriodIsNotDoubled() {
        ErrorResponse r = new ErrorResponse(404, CloudError.of("ResourceNotFound", "The vault was not found."), null,
                null, null);
        assertThat(new ResourceNotFoundException(r).toString())
                .isEqualTo("(ResourceNotFound) The vault was not found. Status: 404");
    }

    @Test
    void operationFailedCarriesTheStatusBodysError() {
        var op = io.azdp.model.AzdpJson.read("""
                {"id":"x","name":"op1","status":"Failed","startTime":"2026-11-23T18:00:00Z",
                 "endTime":"2026-11-23T18:00:01Z",
                 "error":{"code":"UserErrorMaxConcurrentOperationLimitReached","message":"Too many backups"}}
                """, io.azdp.model.OperationResource.class);
        OperationFailedException e = new OperationFailedException(op, "op1", "r1", "c1", "k1");
        assertThat(e.toString()).isEqualTo("(UserErrorMaxConcurrentOperationLimitReached) Too many backups. "
                + "Status: Failed, operation id: op1, request id: r1");
        assertThat(e.isCanceled()).isFalse();
        assertThat(e.errorCode()).isEqualTo("UserErrorMaxConcurrentOperationLimitReached");

        var canceled = io.azdp.model.AzdpJson.read("{\"status\":\"canceled\"}", io.azdp.model.OperationResource.class);
        OperationFailedException c = new OperationFailedException(canceled, "op2", null, null, null);
        assertThat(c.isCanceled()).isTrue();
        assertThat(c.toString()).isEqualTo("(OperationCanceled) The operation ended with status canceled and the "
                + "service gave no error details. Status: canceled, operation id: op2");
    }
}
