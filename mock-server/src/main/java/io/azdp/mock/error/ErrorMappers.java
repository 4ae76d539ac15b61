package io.azdp.mock.error;

import io.azdp.model.arm.ArmHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves the emulator as an ARM CloudError JSON body, never a stack trace or an HTML page. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    public static Response toResponse(ArmException e) {
        Response.ResponseBuilder b = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(CloudErrors.json(e.code(), e.getMessage(), e.target(), e.additionalInfo()));
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response arm(ArmException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        if (e.getCause() != null) {
            // JAX-RS answers a query or path parameter it cannot convert with 404; the caller made a mistake
            return toResponse(new ArmException(400, "InvalidRequestParameter", "A query or path parameter could not"
                    + " be read: " + e.getCause().getMessage()));
        }
        return toResponse(UnknownPath.of(request.path(), request.getParam(ArmHeaders.API_VERSION)));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        ArmException arm = new ArmException(405, "MethodNotAllowed", "The requested resource does not support http"
                + " method '" + request.method().name() + "'.");
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            arm.header("Allow", allow);
        }
        return toResponse(arm);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "InvalidRequestContent";
            case 406 -> "NotAcceptable";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            default -> CloudErrors.defaultCode(status);
        };
        String message = status == 415
                ? "The content media type is not supported; expected application/json."
                : status == 413 ? "The request body is too large." : "The request was rejected: HTTP " + status + ".";
        return toResponse(new ArmException(status, code, message));
    }

    @ServerExceptionMapper
    public Response unreadable(java.io.IOException e) {
        if (e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("too large")) {
            return toResponse(new ArmException(413, "RequestEntityTooLarge", "The request body is too large."));
        }
        return toResponse(new ArmException(400, "InvalidRequestContent", "The request body could not be read."));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf("internal error: %s", e.toString());
        LOG.debug("internal error", e);
        return toResponse(new ArmException(500, "InternalServerError",
                "azdp-mock hit an internal error (" + e.getClass().getSimpleName() + "); see the server log."));
    }
}
