package io.azdp.client.api;

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

/** Backup policies: {@code BackupPolicies_Get}, {@code BackupPolicies_List} and its {@code nextLink} pages. */
public interface BackupPoliciesApi {

    @GET
    @Path(ArmPaths.BACKUP_POLICY)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> get(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroupName, @PathParam("vaultName") String vaultName,
            @PathParam("backupPolicyName") String backupPolicyName,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);

    @GET
    @Path(ArmPaths.BACKUP_POLICIES)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> list(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroupName, @PathParam("vaultName") String vaultName,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> next(@Url String nextLink, @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);
}
