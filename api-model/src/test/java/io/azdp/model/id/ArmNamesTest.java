package io.azdp.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.model.ValidationException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArmNamesTest {
    private static final String A90 = "a".repeat(90);
    private static final String A50 = "a".repeat(50);

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("subscriptionId", "00000000-0000-0000-0000-000000000000"),
                Arguments.of("subscriptionId", "0B352192-DCAC-4cc7-992e-a96190ccc68c"),
                Arguments.of("resourceGroupName", "azdp-demo-rg"),
                Arguments.of("resourceGroupName", "a"),
                Arguments.of("resourceGroupName", "My_RG.(prod)-1"),
                Arguments.of("resourceGroupName", "gruppe-größe"),
                Arguments.of("resourceGroupName", A90),
                Arguments.of("vaultName", "azdp-demo-vault"),
                Arguments.of("vaultName", "v1"),
                Arguments.of("vaultName", A50),
                Arguments.of("backupInstanceName", "azdp-demo-instance"),
                Arguments.of("backupInstanceName", "mabtestingccybasicv11-bugbashdb2-28460a9d-707a-45f3-ace6-b16284c2900e"),
                Arguments.of("backupInstanceName", "x".repeat(260)),
                Arguments.of("backupPolicyName", "azdp-demo-policy"),
                Arguments.of("ruleName", "BackupWeekly"),
                Arguments.of("ruleName", "Backup Weekly"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("subscriptionId", null),
                Arguments.of("subscriptionId", ""),
                Arguments.of("subscriptionId", "00000000-0000-0000-0000-00000000000"),
                Arguments.of("subscriptionId", "{00000000-0000-0000-0000-000000000000}"),
                Arguments.of("subscriptionId", "0000000g-0000-0000-0000-000000000000"),
                Arguments.of("resourceGroupName", ""),
                Arguments.of("resourceGroupName", A90 + "a"),
                Arguments.of("resourceGroupName", "rg."),
                Arguments.of("resourceGroupName", "rg/x"),
                Arguments.of("resourceGroupName", "rg name"),
                Arguments.of("resourceGroupName", null),
                Arguments.of("vaultName", "v"),
                Arguments.of("vaultName", A50 + "a"),
                Arguments.of("vaultName", "1vault"),
                Arguments.of("vaultName", "vault-"),
                Arguments.of("vaultName", "my_vault"),
                Arguments.of("vaultName", null),
                Arguments.of("backupInstanceName", ""),
                Arguments.of("backupInstanceName", "  "),
                Arguments.of("backupInstanceName", "a/b"),
                Arguments.of("backupInstanceName", "a?b"),
                Arguments.of("backupInstanceName", "a#b"),
                Arguments.of("backupInstanceName", "x".repeat(261)),
                Arguments.of("backupPolicyName", "p/q"),
                Arguments.of("backupPolicyName", null),
                Arguments.of("ruleName", ""),
                Arguments.of("ruleName", "  "),
                Arguments.of("ruleName", null));
    }

    private static UnaryOperator<String> check(String field) {
        return switch (field) {
            case "subscriptionId" -> ArmNames::requireSubscriptionId;
            case "resourceGroupName" -> ArmNames::requireResourceGroupName;
            case "vaultName" -> ArmNames::requireVaultName;
            case "backupInstanceName" -> ArmNames::requireBackupInstanceName;
            case "backupPolicyName" -> ArmNames::requirePolicyName;
            case "ruleName" -> ArmNames::requireRuleName;
            default -> throw new IllegalArgumentException(field);
        };
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("valid")
    void validNamesPassThrough(String field, String value) {
        assertThat(check(field).apply(value)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("invalid")
    void invalidNamesNameTheFieldAndTheRule(String field, String value) {
        assertThatThrownBy(() -> check(field).apply(value))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.expected()).isNotBlank();
                    assertThat(e.getMessage()).isEqualTo(field + ": expected " + e.expected() + ", got "
                            + (value == null ? "null" : "'" + value.substring(0, Math.min(120, value.length()))
                                    + (value.length() > 120 ? "..." : "") + "'"));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleTexts")
    void rulesSayWhatIsAllowed(String field, String fragment) {
        assertThatThrownBy(() -> check(field).apply("/"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.expected()).contains(fragment));
    }

    static Stream<Arguments> ruleTexts() {
        return Stream.of(
                Arguments.of("subscriptionId", "UUID"),
                Arguments.of("resourceGroupName", "1-90"),
                Arguments.of("vaultName", "2-50"),
                Arguments.of("backupInstanceName", "without '/'"),
                Arguments.of("backupPolicyName", "1-260"));
    }
}
