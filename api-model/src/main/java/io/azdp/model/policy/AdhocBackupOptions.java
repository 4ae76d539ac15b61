package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.internal.Immutables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to "which rule names and tags may an adhoc backup of this instance use?", derived from its backup policy.
 * Only {@link AzureBackupRule}s are valid rule names; the names of {@link AzureRetentionRule}s are remembered in
 * {@code retentionRuleNames} only to explain the most common mistake (passing {@code Default} as the rule name).
 * Names compare case-insensitively; {@link #toRequest} writes the policy's own spelling.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdhocBackupOptions(List<AdhocBackupRuleOption> rules, List<String> retentionRuleNames) {

    public AdhocBackupOptions {
        rules = rules == null ? List.of() : Immutables.list(rules);
        retentionRuleNames = retentionRuleNames == null ? List.of() : Immutables.list(retentionRuleNames);
    }

    /** Options with the given backup rules and no knowledge of retention rules. */
    public AdhocBackupOptions(List<AdhocBackupRuleOption> rules) {
        this(rules, List.of());
    }

    /** The options a policy allows; a policy of an unknown objectType (or {@code null}) allows none. */
    public static AdhocBackupOptions from(BaseBackupPolicy policy) {
        if (!(policy instanceof BackupPolicy bp) || bp.policyRules() == null) {
            return new AdhocBackupOptions(List.of(), List.of());
        }
        List<AdhocBackupRuleOption> rules = new ArrayList<>();
        List<String> retention = new ArrayList<>();
        for (BasePolicyRule rule : bp.policyRules()) {
            if (rule instanceof AzureBackupRule br && br.name() != null) {
                rules.add(option(br));
            } else if (rule instanceof AzureRetentionRule rr && rr.name() != null) {
                retention.add(rr.name());
            }
        }
        return new AdhocBackupOptions(rules, retention);
    }

    /** The options of a policy resource ({@code properties}). */
    public static AdhocBackupOptions from(BaseBackupPolicyResource policy) {
        return from(policy == null ? null : policy.properties());
    }

    private static AdhocBackupRuleOption option(AzureBackupRule rule) {
        Set<String> tags = new LinkedHashSet<>();
        String defaultTag = null;
        if (rule.trigger() instanceof ScheduleBasedTriggerContext s && s.taggingCriteria() != null) {
            for (TaggingCriteria c : s.taggingCriteria()) {
                if (c == null || c.tagInfo() == null || c.tagInfo().tagName() == null) {
                    continue;
                }
                tags.add(c.tagInfo().tagName());
                if (Boolean.TRUE.equals(c.isDefault()) && defaultTag == null) {
                    defaultTag = c.tagInfo().tagName();
                }
            }
        } else if (rule.trigger() instanceof AdhocBasedTriggerContext a && a.taggingCriteria() != null
                && a.taggingCriteria().tagInfo() != null && a.taggingCriteria().tagInfo().tagName() != null) {
            tags.add(a.taggingCriteria().tagInfo().tagName());
            defaultTag = a.taggingCriteria().tagInfo().tagName();
        }
        return new AdhocBackupRuleOption(rule.name(), List.copyOf(tags), defaultTag);
    }

    /** The backup rule names, in policy order. */
    public List<String> ruleNames() {
        return rules.stream().map(AdhocBackupRuleOption::ruleName).toList();
    }

    /** The backup rule called {@code name}: an exact match first, otherwise a case-insensitive one. */
    public Optional<AdhocBackupRuleOption> rule(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        Optional<AdhocBackupRuleOption> exact = rules.stream().filter(r -> r.ruleName().equals(n)).findFirst();
        return exact.isPresent() ? exact
                : rules.stream().filter(r -> r.ruleName().equalsIgnoreCase(n)).findFirst();
    }

    /**
     * Checks an adhoc backup request against the policy.
     *
     * @throws InvalidAdhocBackupOptionException naming {@code ruleName} or {@code retentionTagOverride}, why it is
     *         refused, and the valid choices
     */
    public void validate(String ruleName, String retentionTagOverrideOrNull) {
        AdhocBackupRuleOption rule = requireRule(ruleName);
        requireTag(rule, retentionTagOverrideOrNull);
    }

    /** {@link #validate} and build the request with the policy's spelling of the rule and tag. */
    public TriggerBackupRequest toRequest(String ruleName, String retentionTagOverrideOrNull) {
        AdhocBackupRuleOption rule = requireRule(ruleName);
        String tag = requireTag(rule, retentionTagOverrideOrNull);
        return TriggerBackupRequest.of(rule.ruleName(), tag);
    }

    private AdhocBackupRuleOption requireRule(String ruleName) {
        List<String> names = ruleNames();
        String expected = names.isEmpty() ? "a backup rule (AzureBackupRule) name, but the policy has none"
                : "the name of a backup rule (AzureBackupRule) of the policy, one of " + names;
        if (names.isEmpty()) {
            throw new InvalidAdhocBackupOptionException("ruleName", expected,
                    "ruleName: the backup policy has no backup rule (AzureBackupRule), so it allows no adhoc backup"
                            + (ruleName == null ? "" : "; got " + quote(ruleName)), names);
        }
        if (ruleName == null || ruleName.isBlank()) {
            throw new InvalidAdhocBackupOptionException("ruleName", expected,
                    "ruleName: expected " + expected + ", got " + quote(ruleName), names);
        }
        Optional<AdhocBackupRuleOption> rule = rule(ruleName);
        if (rule.isPresent()) {
            return rule.get();
        }
        String n = ruleName.strip();
        Optional<String> retention = retentionRuleNames.stream().filter(r -> r.equalsIgnoreCase(n)).findFirst();
        if (retention.isPresent()) {
            throw new InvalidAdhocBackupOptionException("ruleName", expected,
                    "ruleName: " + quote(retention.get()) + " is a retention rule, not a backup rule; an adhoc backup"
                            + " needs a backup rule (AzureBackupRule): one of " + names, names);
        }
        throw new InvalidAdhocBackupOptionException("ruleName", expected,
                "ruleName: the backup policy has no backup rule named " + quote(ruleName) + "; expected one of " + names,
                names);
    }

    private static String requireTag(AdhocBackupRuleOption rule, String tag) {
        if (tag == null) {
            return null;
        }
        List<String> tags = rule.retentionTags();
        String defaultHint = rule.defaultRetentionTag() == null ? ""
                : " (without one the rule's default tag " + quote(rule.defaultRetentionTag()) + " applies)";
        String expected = tags.isEmpty() ? "a retention tag name"
                : "one of the retention tags of backup rule " + quote(rule.ruleName()) + ": " + tags
                        + ", or no override";
        if (tag.isBlank()) {
            throw new InvalidAdhocBackupOptionException("retentionTagOverride", expected,
                    "retentionTagOverride: expected " + expected + defaultHint + ", got " + quote(tag), tags);
        }
        if (tags.isEmpty()) {
            // The trigger of this rule is of a kind we cannot read tags from: let the service decide.
            return tag.strip();
        }
        String t = tag.strip();
        Optional<String> match = tags.stream().filter(x -> x.equals(t)).findFirst()
                .or(() -> tags.stream().filter(x -> x.equalsIgnoreCase(t)).findFirst());
        if (match.isPresent()) {
            return match.get();
        }
        throw new InvalidAdhocBackupOptionException("retentionTagOverride", expected,
                "retentionTagOverride: backup rule " + quote(rule.ruleName()) + " has no retention tag " + quote(tag)
                        + "; expected one of " + tags + ", or no override" + defaultHint, tags);
    }

    private static String quote(String s) {
        return io.azdp.model.ValidationException.quote(s);
    }

}
