package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TriggerBackupRequestTest {

    @Test
    void ofBuildsTheWireShapeWithAnOverride() {
        assertThat(AzdpJson.write(TriggerBackupRequest.of("BackupWeekly", "Weekly")))
                .isEqualTo("{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":"
                        + "{\"retentionTagOverride\":\"Weekly\"}}}");
    }

    @Test
    void noOverrideIsAnEmptyTriggerOptionLikeTheAzureCli() throws Exception {
        String expected = "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":{}}}";
        assertThat(AzdpJson.write(TriggerBackupRequest.of("BackupWeekly", null))).isEqualTo(expected);
        // even with a mapper that writes nulls: the records carry NON_NULL themselves
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(TriggerBackupRequest.of("BackupWeekly", null)))
                .isEqualTo(expected);
    }

    @Test
    void readsTheFixtures() {
        assertThat(TestFixtures.read("trigger-backup-request.json", TriggerBackupRequest.class))
                .isEqualTo(TriggerBackupRequest.of("BackupWeekly", "Weekly"));
        assertThat(TestFixtures.read("trigger-backup-request-no-override.json", TriggerBackupRequest.class))
                .isEqualTo(TriggerBackupRequest.of("BackupWeekly", null));
    }

    @Test
    void missingPartsStayNull() {
        TriggerBackupRequest r = AzdpJson.read("{\"backupRuleOptions\":{\"ruleName\":\"X\"}}", TriggerBackupRequest.class);
        assertThat(r.backupRuleOptions().triggerOption()).isNull();
        assertThat(AzdpJson.read("{}", TriggerBackupRequest.class).backupRuleOptions()).isNull();
    }
}
