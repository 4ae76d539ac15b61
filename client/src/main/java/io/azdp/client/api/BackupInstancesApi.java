package io.azdp.client.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

/**
 * Backup instances: the adhoc backup action ({@code BackupInstances_AdhocBackup}) and {@code BackupInstances_Get}.
 * Methods return the raw {@link Response} so the caller sees status and headers (ARM long-running operation rules);
 * the body is parsed by the facade with {@code io.azdp.model.AzdpJson}.
 */
public interface BackupInstancesApi {

    /** {@code POST .../backupInstances/{name}/backup}; body: a {@code TriggerBackupRequest} as JSON. */
    @POST
    @Path(ArmPaths.ADHOC_BACKUP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> adhocBackup(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroupName, @PathParam("vaultName") String vaultName,
            @PathParam("backupInstanceName") String backupInstanceName,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId,
            String triggerBackupRequestJson);

    @GET
    @Path(ArmPaths.BACKUP_INSTANCE)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> get(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroupName, @PathParam("vaultName") String vaultName,
            @PathParam("backupInstanceName") String backupInstanceName,
            @QueryParam(ArmHeaders.API_VERSION) String apiVersion,
            @HeaderParam(ArmHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(ArmHeaders.CLIENT_REQUEST_ID) String clientRequestId,
            @HeaderParam(ArmHeaders.CORRELATION_REQUEST_ID) String correlationId);
}
