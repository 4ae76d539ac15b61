package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code POST .../backupInstances/{name}/backup}: {@code {"backupRuleOptions":{"ruleName":..,"triggerOption":{..}}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerBackupRequest(AdHocBackupRuleOptions backupRuleOptions) {

    /** The request for backup rule {@code ruleName}, with an optional retention tag override ({@code null}: none). */
    public static TriggerBackupRequest of(String ruleName, String retentionTagOverrideOrNull) {
        return new TriggerBackupRequest(new AdHocBackupRuleOptions(ruleName,
                new AdhocBackupTriggerOption(retentionTagOverrideOrNull)));
    }
}
