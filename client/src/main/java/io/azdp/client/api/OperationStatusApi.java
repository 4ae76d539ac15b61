package io.azdp.client.api;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import io.quarkus.rest.client.reactive.Url;

/**
 * Operation status and result of long-running operations: the three status scopes (vault, resource group, location),
 * the location-scoped result, and any absolute URL the service returned in {@code Azure-AsyncOperation} or
 * {@code Location} (used as given, query string included, up to several KB). Operation ids are passed as they appear
 * in the service's URLs (not re-encoded).
 */
public interface OperationStatusApi {

    /** GET of an absolute status or result URL, exactly as the service returned it. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> getUrl(@Url String absoluteUrl, @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);

    @GET
    @Path(ArmHeaders.VAULT + "/operationStatus/{operationId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> getInVault(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroupName, @PathParam("vaultName") String vaultName,
            @Encoded @PathParam("operationId") String operationId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);

    @GET
    @Path("/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DataProtection"
            + "/operationStatus/{operationId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> getInResourceGroup(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroupName,
            @Encoded @PathParam("operationId") String operationId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);

    @GET
    @Path("/subscriptions/{subscriptionId}/providers/Microsoft.DataProtection/locations/{location}"
            + "/operationStatus/{operationId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> getInLocation(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("location") String location,
            @Encoded @PathParam("operationId") String operationId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);

    /** The result of an operation: 202 while running, 200 with the result body when done. */
    @GET
    @Path("/subscriptions/{subscriptionId}/providers/Microsoft.DataProtection/locations/{location}"
            + "/operationResults/{operationId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> getResultInLocation(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("location") String location,
            @Encoded @PathParam("operationId") String operationId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);
}
