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

/** Backup vaults: {@code BackupVaults_Get}. */
public interface BackupVaultsApi {

    @GET
    @Path(ArmPaths.VAULT)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> get(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroupName, @PathParam("vaultName") String vaultName,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);
}
