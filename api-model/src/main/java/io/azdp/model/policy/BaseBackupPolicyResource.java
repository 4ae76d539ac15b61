package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code GET .../backupVaults/{vault}/backupPolicies/{name}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaseBackupPolicyResource(String id, String name, String type, BaseBackupPolicy properties) {
}
