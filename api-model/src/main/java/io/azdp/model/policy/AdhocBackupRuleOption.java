package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.internal.Immutables;
import java.util.List;

/**
 * One backup rule an adhoc backup may name, its retention tags ({@code retentionTagOverride} choices) and the tag used
 * when no override is given ({@code null} if the policy marks none as default).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdhocBackupRuleOption(String ruleName, List<String> retentionTags, String defaultRetentionTag) {
    public AdhocBackupRuleOption {
        retentionTags = retentionTags == null ? List.of() : Immutables.list(retentionTags);
    }
}
