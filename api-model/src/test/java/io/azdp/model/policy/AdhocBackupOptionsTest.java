package io.azdp.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.model.AzdpJson;
import io.azdp.model.TestFixtures;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdhocBackupOptionsTest {
    private static final AdhocBackupOptions DEMO = AdhocBackupOptions.from(
            TestFixtures.read("backup-policy.json", BaseBackupPolicyResource.class));

    @Test
    void onlyBackupRulesWithTheirTriggerTags() {
        assertThat(DEMO.rules()).containsExactly(
                new AdhocBackupRuleOption("BackupWeekly", List.of("Default", "Weekly"), "Default"));
        assertThat(DEMO.ruleNames()).containsExactly("BackupWeekly").doesNotContain("Default", "Weekly");
        assertThat(DEMO.retentionRuleNames()).containsExactly("Default", "Weekly");
    }

    @Test
    void validCombinationsPass() {
        assertThatCode(() -> DEMO.validate("BackupWeekly", null)).doesNotThrowAnyException();
        assertThatCode(() -> DEMO.validate("BackupWeekly", "Weekly")).doesNotThrowAnyException();
        assertThatCode(() -> DEMO.validate("BackupWeekly", "Default")).doesNotThrowAnyException();
    }

    @Test
    void retentionRuleNameIsRefusedWithTheReasonAndTheValidChoices() {
        assertThatThrownBy(() -> DEMO.validate("Default", null))
                .isInstanceOfSatisfying(InvalidAdhocBackupOptionException.class, e -> {
                    assertThat(e.field()).isEqualTo("ruleName");
                    assertThat(e.validChoices()).containsExactly("BackupWeekly");
                    assertThat(e.getMessage()).isEqualTo("ruleName: 'Default' is a retention rule, not a backup rule;"
                            + " an adhoc backup needs a backup rule (AzureBackupRule): one of [BackupWeekly]");
                    assertThat(e.expected()).contains("[BackupWeekly]");
                })
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DEMO.validate("weekly", "Weekly"))
                .hasMessageStartingWith("ruleName: 'Weekly' is a retention rule, not a backup rule");
    }

    @Test
    void unknownOrBlankRuleNameListsTheChoices() {
        assertThatThrownBy(() -> DEMO.validate("BackupDaily", null))
                .hasMessage("ruleName: the backup policy has no backup rule named 'BackupDaily'; expected one of [BackupWeekly]");
        assertThatThrownBy(() -> DEMO.validate(" ", null))
                .isInstanceOfSatisfying(InvalidAdhocBackupOptionException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("ruleName: expected the name of a backup rule (AzureBackupRule) of the policy,"
                                + " one of [BackupWeekly], got ' '"));
        assertThatThrownBy(() -> DEMO.validate(null, null)).hasMessageEndingWith("got null");
    }

    @Test
    void unknownTagIsRefusedWithTheRulesTags() {
        assertThatThrownBy(() -> DEMO.validate("BackupWeekly", "Monthly"))
                .isInstanceOfSatisfying(InvalidAdhocBackupOptionException.class, e -> {
                    assertThat(e.field()).isEqualTo("retentionTagOverride");
                    assertThat(e.validChoices()).containsExactly("Default", "Weekly");
                    assertThat(e.getMessage()).isEqualTo("retentionTagOverride: backup rule 'BackupWeekly' has no"
                            + " retention tag 'Monthly'; expected one of [Default, Weekly], or no override"
                            + " (without one the rule's default tag 'Default' applies)");
                });
        assertThatThrownBy(() -> DEMO.validate("BackupWeekly", ""))
                .isInstanceOf(InvalidAdhocBackupOptionException.class)
                .hasMessageStartingWith("retentionTagOverride: expected one of the retention tags of backup rule"
                        + " 'BackupWeekly': [Default, Weekly], or no override");
    }

    @Test
    void namesCompareCaseInsensitivelyAndTheRequestUsesThePolicySpelling() {
        assertThat(DEMO.rule("backupweekly")).map(AdhocBackupRuleOption::ruleName).contains("BackupWeekly");
        assertThat(DEMO.rule("BACKUPWEEKLY ")).isPresent();
        assertThat(DEMO.rule("Default")).isEmpty();
        assertThat(DEMO.rule(null)).isEmpty();
        assertThatCode(() -> DEMO.validate("backupWEEKLY", "weekly")).doesNotThrowAnyException();
        assertThat(DEMO.toRequest("backupweekly", "WEEKLY")).isEqualTo(TriggerBackupRequest.of("BackupWeekly", "Weekly"));
        assertThat(DEMO.toRequest("BackupWeekly", null)).isEqualTo(TriggerBackupRequest.of("BackupWeekly", null));
    }

    @Test
    void exactSpellingWinsWhenTwoRulesDifferOnlyInCase() {
        AdhocBackupOptions options = new AdhocBackupOptions(List.of(
                new AdhocBackupRuleOption("Hourly", List.of(), null),
                new AdhocBackupRuleOption("HOURLY", List.of(), null)));
        assertThat(options.rule("HOURLY")).map(AdhocBackupRuleOption::ruleName).contains("HOURLY");
        assertThat(options.rule("hourly")).map(AdhocBackupRuleOption::ruleName).contains("Hourly");
        assertThat(options.retentionRuleNames()).isEmpty();
    }

    @Test
    void adhocTriggerGivesItsSingleTag() {
        AdhocBackupOptions options = AdhocBackupOptions.from(
                TestFixtures.read("backup-policy-adhoc-trigger.json", BaseBackupPolicyResource.class));
        assertThat(options.rules()).containsExactly(new AdhocBackupRuleOption("OnDemand", List.of("Manual"), "Manual"));
        assertThatThrownBy(() -> options.validate("Manual", null))
                .hasMessageContaining("'Manual' is a retention rule, not a backup rule")
                .hasMessageEndingWith("one of [OnDemand]");
    }

    @Test
    void unknownTriggerLeavesTagsToTheService() {
        AdhocBackupOptions options = AdhocBackupOptions.from(
                TestFixtures.read("backup-policy-unknown-kinds.json", BaseBackupPolicyResource.class));
        assertThat(options.rules()).containsExactly(new AdhocBackupRuleOption("BackupOnEvent", List.of(), null));
        assertThatCode(() -> options.validate("BackupOnEvent", "Event")).doesNotThrowAnyException();
        assertThatThrownBy(() -> options.validate("ArchiveMonthly", null))
                .hasMessageContaining("no backup rule named 'ArchiveMonthly'");
    }

    @Test
    void policyWithoutBackupRulesOrOfUnknownKindAllowsNothing() {
        AdhocBackupOptions none = AdhocBackupOptions.from(new UnknownBackupPolicy("ContinuousBackupPolicy", null));
        assertThat(none.rules()).isEmpty();
        assertThatThrownBy(() -> none.validate("Anything", null))
                .hasMessage("ruleName: the backup policy has no backup rule (AzureBackupRule), so it allows no adhoc"
                        + " backup; got 'Anything'");
        assertThat(AdhocBackupOptions.from((BaseBackupPolicy) null).rules()).isEmpty();
        AdhocBackupOptions retentionOnly = AdhocBackupOptions.from(new BackupPolicy(List.of("X"),
                List.of(new AzureRetentionRule("Default", true, null))));
        assertThat(retentionOnly.ruleNames()).isEmpty();
        assertThat(retentionOnly.retentionRuleNames()).containsExactly("Default");
    }

    @Test
    void defaultTagIsNullWhenNoCriteriaIsDefaultAndDuplicateTagsCollapse() {
        ScheduleBasedTriggerContext trigger = new ScheduleBasedTriggerContext(null, List.of(
                new TaggingCriteria(null, false, 1L, new RetentionTag(null, null, "Weekly")),
                new TaggingCriteria(null, null, 2L, new RetentionTag(null, null, "Weekly")),
                new TaggingCriteria(null, false, 3L, null)));
        AdhocBackupOptions options = AdhocBackupOptions.from(new BackupPolicy(null,
                List.of(new AzureBackupRule("R", null, null, trigger))));
        assertThat(options.rules()).containsExactly(new AdhocBackupRuleOption("R", List.of("Weekly"), null));
        assertThatThrownBy(() -> options.validate("R", "Daily"))
                .hasMessage("retentionTagOverride: backup rule 'R' has no retention tag 'Daily'; expected one of [Weekly],"
                        + " or no override");
    }

    @Test
    void optionsSerializeForCliOutput() {
        assertThat(AzdpJson.write(DEMO)).isEqualTo("{\"rules\":[{\"ruleName\":\"BackupWeekly\",\"retentionTags\":"
                + "[\"Default\",\"Weekly\"],\"defaultRetentionTag\":\"Default\"}],\"retentionRuleNames\":[\"Default\",\"Weekly\"]}");
        assertThat(AzdpJson.read(AzdpJson.write(DEMO), AdhocBackupOptions.class)).isEqualTo(DEMO);
    }
}
