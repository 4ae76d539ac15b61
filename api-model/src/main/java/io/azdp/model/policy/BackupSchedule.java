package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.internal.Immutables;
import java.util.List;

/** ISO-8601 repeating intervals ({@code R/2024-01-07T02:00:00+00:00/P1W}) and an optional time zone. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupSchedule(List<String> repeatingTimeIntervals, String timeZone) {
    public BackupSchedule {
        repeatingTimeIntervals = Immutables.list(repeatingTimeIntervals);
    }
}
