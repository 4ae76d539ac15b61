package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code backupRuleOptions}: the backup rule (an {@code AzureBackupRule} of the instance's policy) and trigger option. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdHocBackupRuleOptions(String ruleName, AdhocBackupTriggerOption triggerOption) {
}
