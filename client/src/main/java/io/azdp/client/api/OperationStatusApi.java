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

import io.azdp.model.arm.ArmHeaders;
import io.azdp.model.arm.ArmPaths;
import io.smallrye.mutiny.Uni;

import io.quarkus.rest.client.reactive.Url;

/**
 * Operation status of long-running operations: the three status scopes (vault, resource group, location), and any
 * absolute URL the service returned in {@code Azure-AsyncOperation} or
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
    @Path(ArmPaths.VAULT_OPERATION_STATUS)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> getInVault(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroupName, @PathParam("vaultName") String vaultName,
            @Encoded @PathParam("operationId") String operationId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);

    @GET
    @Path(ArmPaths.RESOURCE_GROUP_OPERATION_STATUS)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> getInResourceGroup(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroupName,
            @Encoded @PathParam("operationId") String operationId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);

    @GET
    @Path(ArmPaths.LOCATION_OPERATION_STATUS)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> getInLocation(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("location") String location,
            @Encoded @PathParam("operationId") String operationId,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);
}
