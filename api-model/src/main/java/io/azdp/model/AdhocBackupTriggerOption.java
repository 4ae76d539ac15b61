package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code triggerOption}: optional {@code retentionTagOverride}; without one it serializes as {@code {}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdhocBackupTriggerOption(String retentionTagOverride) {
}
