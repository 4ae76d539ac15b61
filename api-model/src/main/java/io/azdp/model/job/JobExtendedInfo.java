package io.azdp.model.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.UserFacingError;
import io.azdp.model.internal.Immutables;
import java.util.List;
import java.util.Map;

/** {@code extendedInfo} of a job: {@code additionalDetails} (e.g. {@code RetentionTag}), sub-tasks, warnings. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobExtendedInfo(Map<String, String> additionalDetails, String backupInstanceState,
        Double dataTransferredInBytes, String recoveryDestination, List<JobSubTask> subTasks,
        List<UserFacingError> warningDetails) {

    public JobExtendedInfo {
        additionalDetails = Immutables.map(additionalDetails);
        subTasks = Immutables.list(subTasks);
        warningDetails = Immutables.list(warningDetails);
    }
}
