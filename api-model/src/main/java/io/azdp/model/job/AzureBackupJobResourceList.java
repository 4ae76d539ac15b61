package io.azdp.model.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.internal.Immutables;
import java.util.List;

/** A page of {@code GET .../backupJobs}: {@code value[]} and the {@code nextLink} of the next page (absent on the last). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AzureBackupJobResourceList(List<AzureBackupJobResource> value, String nextLink) {
    public AzureBackupJobResourceList {
        value = Immutables.list(value);
    }
}
