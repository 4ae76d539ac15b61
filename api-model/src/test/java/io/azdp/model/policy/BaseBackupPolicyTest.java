package io.azdp.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.TestFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseBackupPolicyTest {

    @Test
    void readsRulesTriggersAndTags() {
        BaseBackupPolicyResource r = TestFixtures.read("backup-policy.json", BaseBackupPolicyResource.class);
        BackupPolicy policy = (BackupPolicy) r.properties();
        assertThat(policy.objectType()).isEqualTo("BackupPolicy");
        assertThat(policy.policyRules()).extracting(BasePolicyRule::name, BasePolicyRule::objectType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Default", "AzureRetentionRule"),
                org.assertj.core.groups.Tuple.tuple("Weekly", "AzureRetentionRule"),
                org.assertj.core.groups.Tuple.tuple("BackupWeekly", "AzureBackupRule"));
        AzureRetentionRule defaultRetention = (AzureRetentionRule) policy.policyRules().get(0);
        assertThat(defaultRetention.isDefault()).isTrue();
        assertThat(defaultRetention.lifecycles().get(0).path("deleteAfter").path("duration").asText()).isEqualTo("P30D");
        AzureBackupRule backup = (AzureBackupRule) policy.policyRules().get(2);
        assertThat(backup.dataStore()).isEqualTo(new DataStoreInfoBase("VaultStore", "DataStoreInfoBase"));
        ScheduleBasedTriggerContext trigger = (ScheduleBasedTriggerContext) backup.trigger();
        assertThat(trigger.schedule()).isEqualTo(new BackupSchedule(List.of("R/2026-01-04T02:00:00+00:00/P1W"), "UTC"));
        assertThat(trigger.taggingCriteria()).extracting(TaggingCriteria::tagInfo).containsExactly(
                new RetentionTag(null, "Default_", "Default"), new RetentionTag("W/1", "Weekly_", "Weekly"));
        assertThat(trigger.taggingCriteria().get(0).isDefault()).isTrue();
        assertThat(trigger.taggingCriteria().get(0).taggingPriority()).isEqualTo(99L);
        assertThat(trigger.taggingCriteria().get(1).criteria()).singleElement()
                .satisfies(c -> assertThat(c.path("absoluteCriteria").get(0).asText()).isEqualTo("FirstOfWeek"));
    }

    @Test
    void adhocTriggerContext() {
        BackupPolicy policy = (BackupPolicy) TestFixtures.read("backup-policy-adhoc-trigger.json",
                BaseBackupPolicyResource.class).properties();
        AzureBackupRule rule = (AzureBackupRule) policy.policyRules().get(0);
        assertThat(rule.trigger()).isEqualTo(new AdhocBasedTriggerContext(
                new AdhocBasedTaggingCriteria(new RetentionTag(null, "Manual_", "Manual"))));
        assertThat(rule.trigger().objectType()).isEqualTo("AdhocBasedTriggerContext");
    }

    @Test
    void unknownRuleTriggerAndPolicyKindsAreKeptAndWrittenBack() {
        String json = TestFixtures.text("backup-policy-unknown-kinds.json");
        BackupPolicy policy = (BackupPolicy) AzdpJson.read(json, BaseBackupPolicyResource.class).properties();
        assertThat(policy.policyRules().get(0)).isInstanceOfSatisfying(UnknownPolicyRule.class, u -> {
            assertThat(u.objectType()).isEqualTo("AzureArchiveRule");
            assertThat(u.name()).isEqualTo("ArchiveMonthly");
            assertThat(u.properties()).containsOnlyKeys("tier", "copyAfter").containsEntry("tier", "Cold");
        });
        AzureBackupRule rule = (AzureBackupRule) policy.policyRules().get(1);
        assertThat(rule.trigger()).isInstanceOfSatisfying(UnknownTriggerContext.class, u -> {
            assertThat(u.objectType()).isEqualTo("EventBasedTriggerContext");
            assertThat(u.properties()).containsEntry("events", List.of("blob-created"));
        });

        BaseBackupPolicyResourceList list = TestFixtures.read("backup-policy-list.json", BaseBackupPolicyResourceList.class);
        assertThat(list.value().get(2).properties()).isEqualTo(new UnknownBackupPolicy("ContinuousBackupPolicy",
                Map.of("windowDays", 7, "datasourceTypes", List.of("Microsoft.Future/things"))));
        assertThat(list.nextLink()).isNull();
    }

    @Test
    void everyPolymorphicObjectWritesObjectTypeExactlyOnce() {
        UnknownPolicyRule unknownRule = new UnknownPolicyRule("AzureArchiveRule", "A", Map.of("name", "shadow", "k", 1));
        assertThat(AzdpJson.write(unknownRule)).isEqualTo("{\"objectType\":\"AzureArchiveRule\",\"name\":\"A\",\"k\":1}");
        assertThat(AzdpJson.write(new AzureRetentionRule("Default", true, null)))
                .isEqualTo("{\"name\":\"Default\",\"isDefault\":true,\"objectType\":\"AzureRetentionRule\"}");
        String backupRule = AzdpJson.write(new AzureBackupRule("B", null, null,
                new ScheduleBasedTriggerContext(new BackupSchedule(List.of("R/x/P1D"), null), List.of())));
        assertThat(TestFixtures.countField(backupRule, "objectType")).isEqualTo(2);
        assertThat(backupRule).contains("\"objectType\":\"AzureBackupRule\"")
                .contains("\"objectType\":\"ScheduleBasedTriggerContext\"");
        String policy = AzdpJson.write(new BackupPolicy(List.of("X"), List.of()));
        assertThat(policy).isEqualTo("{\"datasourceTypes\":[\"X\"],\"policyRules\":[],\"objectType\":\"BackupPolicy\"}");
        assertThat(AzdpJson.write(new UnknownTriggerContext("T", Map.of()))).isEqualTo("{\"objectType\":\"T\"}");
        assertThat(AzdpJson.write(new UnknownBackupPolicy("P", null))).isEqualTo("{\"objectType\":\"P\"}");
    }

    @Test
    void objectTypeMatchesCaseInsensitivelyAndIsInferredWhenMissing() {
        BaseBackupPolicy p = AzdpJson.read("{\"objectType\":\"backuppolicy\",\"policyRules\":[{\"objectType\":"
                + "\"AZUREBACKUPRULE\",\"name\":\"B\",\"trigger\":{\"schedule\":{\"repeatingTimeIntervals\":[]}}}]}",
                BaseBackupPolicy.class);
        assertThat(p).isInstanceOf(BackupPolicy.class);
        AzureBackupRule rule = (AzureBackupRule) ((BackupPolicy) p).policyRules().get(0);
        assertThat(rule.trigger()).isInstanceOf(ScheduleBasedTriggerContext.class);
        assertThat(AzdpJson.read("{\"policyRules\":[]}", BaseBackupPolicy.class)).isInstanceOf(BackupPolicy.class);
        assertThat(AzdpJson.read("{\"name\":\"X\"}", BasePolicyRule.class))
                .isEqualTo(new UnknownPolicyRule(null, "X", Map.of()));
    }

    @Test
    void unknownRecordsCanBeReadDirectly() {
        assertThat(AzdpJson.read("{\"objectType\":\"AzureBackupRule\",\"name\":\"B\",\"x\":1}", UnknownPolicyRule.class))
                .isEqualTo(new UnknownPolicyRule("AzureBackupRule", "B", Map.of("x", 1)));
        assertThat(AzdpJson.read("{\"objectType\":\"BackupPolicy\"}", UnknownBackupPolicy.class))
                .isEqualTo(new UnknownBackupPolicy("BackupPolicy", Map.of()));
        assertThat(AzdpJson.read("{\"objectType\":\"X\",\"y\":[true]}", UnknownTriggerContext.class))
                .isEqualTo(new UnknownTriggerContext("X", Map.of("y", List.of(true))));
        assertThat(AzdpJson.read("{\"objectType\":\"ScheduleBasedTriggerContext\",\"taggingCriteria\":[]}",
                TriggerContext.class)).isEqualTo(new ScheduleBasedTriggerContext(null, List.of()));
        assertThat(AzdpJson.read("{\"objectType\":\"ScheduleBasedTriggerContext\",\"taggingCriteria\":[]}",
                ScheduleBasedTriggerContext.class)).isEqualTo(new ScheduleBasedTriggerContext(null, List.of()));
    }
}
