package io.azdp.model.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code GET .../backupVaults/{vault}/backupJobs/{jobId}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AzureBackupJobResource(String id, String name, String type, AzureBackupJob properties) {
}
