package io.azdp.model.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.internal.Immutables;
import java.util.Map;

/** One step of a job ({@code Trigger Backup}, {@code Transfer data to vault}, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSubTask(Map<String, String> additionalDetails, Integer taskId, String taskName, String taskProgress,
        String taskStatus) {
    public JobSubTask {
        additionalDetails = Immutables.map(additionalDetails);
    }
}
