package io.azdp.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.model.AzdpJson;
import io.azdp.model.InvalidJsonException;
import io.azdp.model.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceIdTest {
    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final String VAULT = "/subscriptions/" + SUB + "/resourceGroups/azdp-demo-rg/providers/"
            + "Microsoft.DataProtection/backupVaults/azdp-demo-vault";
    static final String JOB = "6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b";

    @ParameterizedTest
    @ValueSource(strings = {
            VAULT,
            VAULT + "/backupInstances/azdp-demo-instance",
            VAULT + "/backupPolicies/azdp-demo-policy",
            VAULT + "/backupJobs/" + JOB})
    void goodIdsRoundTrip(String id) {
        assertThat(ResourceId.parse(id)).hasToString(id);
        assertThat(ResourceId.parse(id + "/")).hasToString(id);
        assertThat(ResourceId.parse(id.substring(1))).hasToString(id);
        assertThat(ResourceId.parse("  " + id + " ")).hasToString(id);
    }

    @Test
    void parsesIntoTheRightKindWithItsParts() {
        assertThat(ResourceId.parse(VAULT)).isEqualTo(new BackupVaultId(SUB, "azdp-demo-rg", "azdp-demo-vault"));
        BackupVaultId vault = BackupVaultId.parse(VAULT);
        assertThat(vault.vault()).isSameAs(vault);
        assertThat(vault.resourceName()).isEqualTo("azdp-demo-vault");
        assertThat(ResourceId.parse(VAULT + "/backupInstances/bi")).isEqualTo(vault.instance("bi"));
        assertThat(ResourceId.parse(VAULT + "/backupPolicies/p")).isEqualTo(vault.policy("p"));
        assertThat(ResourceId.parse(VAULT + "/backupJobs/" + JOB)).isEqualTo(vault.job(JOB));
        BackupInstanceId bi = BackupInstanceId.parse(VAULT + "/backupInstances/bi");
        assertThat(bi.subscriptionId()).isEqualTo(SUB);
        assertThat(bi.resourceGroupName()).isEqualTo("azdp-demo-rg");
        assertThat(bi.vault().vaultName()).isEqualTo("azdp-demo-vault");
        assertThat(bi.backupInstanceName()).isEqualTo("bi").isEqualTo(bi.resourceName());
        assertThat(BackupInstanceId.of(SUB, "azdp-demo-rg", "azdp-demo-vault", "bi")).isEqualTo(bi);
        assertThat(BackupPolicyId.parse(VAULT + "/backupPolicies/p").policyName()).isEqualTo("p");
        assertThat(BackupJobId.parse(VAULT + "/backupJobs/" + JOB).jobId()).isEqualTo(JOB);
        for (String id : new String[] { VAULT, VAULT + "/backupPolicies/p", VAULT + "/backupJobs/" + JOB }) {
            assertThat(ResourceId.parse(id).subscriptionId()).as(id).isEqualTo(SUB);
            assertThat(ResourceId.parse(id).resourceGroupName()).as(id).isEqualTo("azdp-demo-rg");
        }
    }

    @Test
    void segmentNamesAndProviderAreCaseInsensitiveButNamesKeepTheirCase() {
        String odd = "/SUBSCRIPTIONS/" + SUB + "/resourcegroups/Azdp-Demo-RG/PROVIDERS/microsoft.dataprotection/"
                + "Backupvaults/Azdp-Demo-Vault/BACKUPINSTANCES/Azdp-Demo-Instance";
        BackupInstanceId id = BackupInstanceId.parse(odd);
        assertThat(id).hasToString("/subscriptions/" + SUB + "/resourceGroups/Azdp-Demo-RG/providers/"
                + "Microsoft.DataProtection/backupVaults/Azdp-Demo-Vault/backupInstances/Azdp-Demo-Instance");
        assertThat(id.sameResource(BackupInstanceId.parse(VAULT + "/backupInstances/azdp-demo-instance"))).isTrue();
        assertThat(id).isNotEqualTo(BackupInstanceId.parse(VAULT + "/backupInstances/azdp-demo-instance"));
        assertThat(id.sameResource(BackupVaultId.parse(VAULT))).isFalse();
        assertThat(id.sameResource(null)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/vaults/v"
                    + "|resource id segment 'backupVaults' expected at position 7 but found 'vaults' in '/subscriptions/"
                    + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/vaults/v'|7",
            "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.RecoveryServices/backupVaults/v"
                    + "|resource id segment 'Microsoft.DataProtection' expected at position 6 but found"
                    + " 'Microsoft.RecoveryServices' in|6",
            "/subscription/" + SUB + "|resource id segment 'subscriptions' expected at position 1 but found 'subscription'|1",
            "/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1"
                    + "|resource id segment at position 2 (subscriptionId): expected a subscription id: a UUID like"
                    + " 00000000-0000-0000-0000-000000000000 but found 'not-a-guid' in|2",
            "/subscriptions/" + SUB + "/resourceGroups/rg./providers/Microsoft.DataProtection/backupVaults/v1"
                    + "|resource id segment at position 4 (resourceGroupName): expected a resource group name|4",
            "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/1v"
                    + "|resource id segment at position 8 (vaultName): expected a backup vault name|8",
            "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults"
                    + "|resource id is missing the vaultName at position 8 (after 'backupVaults') in|8",
            "/subscriptions/" + SUB + "/resourceGroups//providers/Microsoft.DataProtection/backupVaults/v1"
                    + "|resource id is missing the resourceGroupName at position 4|4",
            "/subscriptions/" + SUB + "/resourceGroups/rg"
                    + "|resource id segment 'providers' expected at position 5 but the id ends before it|5",
            "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1/backupItems/x"
                    + "|resource id segment at position 9: expected one of 'backupInstances', 'backupPolicies',"
                    + " 'backupJobs' (or the end of the id) but found 'backupItems'|9",
            "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1/backupInstances"
                    + "|resource id is missing the backupInstanceName at position 10 (after 'backupInstances')|10",
            "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1/backupJobs/nope"
                    + "|resource id segment at position 10 (jobId): expected a job id: a GUID|10",
            "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v1/backupInstances/bi/recoveryPoints/r"
                    + "|resource id has unexpected extra segment 'recoveryPoints' at position 11|11"})
    void badSegmentsAreNamedWithTheirPosition(String id, String messageStart, int position) {
        assertThatThrownBy(() -> ResourceId.parse(id))
                .isInstanceOfSatisfying(InvalidResourceIdException.class, e -> {
                    assertThat(e.getMessage()).startsWith(messageStart).doesNotContain("\n");
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.field()).isEqualTo("resourceId");
                    assertThat(e.expected()).isNotBlank();
                })
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void blankIdIsRefused() {
        assertThatThrownBy(() -> ResourceId.parse(" "))
                .isInstanceOf(InvalidResourceIdException.class)
                .hasMessageStartingWith("resource id: expected an ARM id /subscriptions/{subscriptionId}/resourceGroups/")
                .hasMessageEndingWith("got ' '");
        assertThatThrownBy(() -> ResourceId.parse(null)).hasMessageEndingWith("got null");
    }

    @Test
    void idsOfTheWrongTypeAreRefusedByName() {
        assertThatThrownBy(() -> BackupInstanceId.parse(VAULT + "/backupJobs/" + JOB))
                .isInstanceOf(InvalidResourceIdException.class)
                .hasMessage("resource id: expected a backup instance id (/subscriptions/{subscriptionId}/resourceGroups/"
                        + "{resourceGroupName}/providers/Microsoft.DataProtection/backupVaults/{vaultName}/backupInstances/"
                        + "{backupInstanceName}) but got a backup job id: '" + VAULT + "/backupJobs/" + JOB + "'");
        assertThatThrownBy(() -> BackupVaultId.parse(VAULT + "/backupPolicies/p"))
                .hasMessageContaining("expected a backup vault id").hasMessageContaining("but got a backup policy id");
        assertThatThrownBy(() -> BackupPolicyId.parse(VAULT))
                .hasMessageContaining("expected a backup policy id").hasMessageContaining("but got a backup vault id");
        assertThatThrownBy(() -> BackupJobId.parse(VAULT + "/backupInstances/bi"))
                .hasMessageContaining("expected a backup job id").hasMessageContaining("but got a backup instance id");
    }

    record Holder(BackupInstanceId instance, BackupVaultId vault, BackupPolicyId policy, BackupJobId job, JobId jobId) {
    }

    @Test
    void idsAreJsonStringsInTheirCanonicalForm() {
        BackupVaultId vault = BackupVaultId.parse(VAULT);
        Holder h = new Holder(vault.instance("bi"), vault, vault.policy("p"), vault.job(JOB), JobId.parse(JOB));
        String json = AzdpJson.write(h);
        assertThat(json).isEqualTo("{\"instance\":\"" + VAULT + "/backupInstances/bi\",\"vault\":\"" + VAULT
                + "\",\"policy\":\"" + VAULT + "/backupPolicies/p\",\"job\":\"" + VAULT + "/backupJobs/" + JOB
                + "\",\"jobId\":\"" + JOB + "\"}");
        assertThat(AzdpJson.read(json, Holder.class)).isEqualTo(h);
    }

    record AnyIds(List<ResourceId> ids) {
    }

    @Test
    void anyIdKindReadsFromJsonAsResourceId() {
        String json = "{\"ids\":[\"" + VAULT + "\",\"" + VAULT + "/backupInstances/bi\",\"" + VAULT
                + "/backupPolicies/p\",\"" + VAULT + "/backupJobs/" + JOB + "\"]}";
        AnyIds read = AzdpJson.read(json, AnyIds.class);
        assertThat(read.ids()).extracting(id -> id.getClass().getSimpleName())
                .containsExactly("BackupVaultId", "BackupInstanceId", "BackupPolicyId", "BackupJobId");
        assertThat(AzdpJson.write(read)).isEqualTo(json);
        assertThatThrownBy(() -> AzdpJson.read("{\"ids\":[\"/subscriptions/" + SUB + "\"]}", AnyIds.class))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> assertThat(e.path()).isEqualTo("$.ids[0]"));
    }

    @Test
    void badIdInJsonNamesThePathAndTheSegment() {
        assertThatThrownBy(() -> AzdpJson.read("{\"instance\":\"" + VAULT + "/backupJobs/" + JOB + "\"}", Holder.class))
                .isInstanceOfSatisfying(InvalidJsonException.class, e -> {
                    assertThat(e.path()).isEqualTo("$.instance");
                    assertThat(e.getMessage()).startsWith("$.instance: resource id: expected a backup instance id");
                });
        assertThatThrownBy(() -> AzdpJson.read("{\"jobId\":\"nope\"}", Holder.class))
                .hasMessageStartingWith("$.jobId: jobId: expected a job GUID");
    }

    @Test
    void constructorsValidateTheirParts() {
        assertThatThrownBy(() -> new BackupVaultId("x", "rg", "vault"))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("subscriptionId: expected");
        assertThatThrownBy(() -> BackupVaultId.parse(VAULT).instance("a/b"))
                .hasMessageStartingWith("backupInstanceName: expected");
        assertThatThrownBy(() -> BackupVaultId.parse(VAULT).job("not-a-guid")).hasMessageStartingWith("jobId: expected");
        assertThatThrownBy(() -> new BackupPolicyId(null, "p")).isInstanceOf(NullPointerException.class);
    }
}
