package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.internal.Immutables;
import java.util.List;

/** A page of {@code GET .../backupPolicies}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaseBackupPolicyResourceList(List<BaseBackupPolicyResource> value, String nextLink) {
    public BaseBackupPolicyResourceList {
        value = Immutables.list(value);
    }
}
