package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.id.BackupPolicyId;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.id.JobId;
import io.azdp.model.instance.BackupInstanceResource;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.AzureBackupJobResourceList;
import io.azdp.model.job.JobStatus;
import io.azdp.model.policy.AdhocBackupOptions;
import io.azdp.model.policy.AdhocBackupRuleOption;
import io.azdp.model.policy.AzureBackupRule;
import io.azdp.model.policy.AzureRetentionRule;
import io.azdp.model.policy.BackupPolicy;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.policy.BaseBackupPolicyResourceList;
import io.azdp.model.policy.ScheduleBasedTriggerContext;
import io.azdp.model.vault.BackupVaultResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses, in place, every official 2024-04-01 example response the project models (read-only reference under
 * {@code azdp.reference.dir}); skipped when the reference is absent. Each file is its own dynamic test.
 */
class OfficialExamplesTest {
    private static final String BASE = "azure-rest-api-specs/specification/dataprotection/resource-manager/"
            + "Microsoft.DataProtection";
    /** The two layouts the specs repository has used for this API version. */
    private static final List<String> LAYOUTS = List.of(
            BASE + "/DataProtection/stable/2024-04-01/examples",
            BASE + "/stable/2024-04-01/examples");

    private record Example(String file, String status, Consumer<String> check) {
    }

    @TestFactory
    Stream<DynamicTest> officialExamplesParseWithRealValues() {
        String dir = System.getProperty("azdp.reference.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "reference folder (azdp.reference.dir) absent: " + dir);
        List<Path> roots = LAYOUTS.stream().map(l -> Path.of(dir).resolve(l)).filter(Files::isDirectory).toList();
        Assumptions.assumeFalse(roots.isEmpty(), "no 2024-04-01 examples folder under " + dir);

        List<Example> examples = List.of(
                new Example("BackupInstanceOperations/TriggerBackup.json", "200", OfficialExamplesTest::triggerBackup),
                new Example("GetOperationStatus.json", "200", body -> operationStatus(body, "/locations/WestUS/")),
                new Example("GetOperationStatusVaultContext.json", "200",
                        body -> operationStatus(body, "/backupVaults/swaggerExample/")),
                new Example("GetOperationStatusRGContext.json", "200",
                        body -> operationStatus(body, "/resourceGroups/SampleResourceGroup/providers/")),
                new Example("GetOperationResult.json", "200", OfficialExamplesTest::triggerBackup),
                new Example("JobCRUD/GetJob.json", "200", OfficialExamplesTest::getJob),
                new Example("JobCRUD/ListJobs.json", "200", OfficialExamplesTest::listJobs),
                new Example("PolicyCRUD/GetBackupPolicy.json", "200", OfficialExamplesTest::getPolicy),
                new Example("PolicyCRUD/ListBackupPolicy.json", "200", OfficialExamplesTest::listPolicies),
                new Example("BackupInstanceOperations/GetBackupInstance.json", "200",
                        OfficialExamplesTest::getInstance),
                new Example("VaultCRUD/GetBackupVault.json", "200", OfficialExamplesTest::getVault));

        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples) {
            tests.add(dynamicTest(e.file(), () -> {
                Optional<Path> file = roots.stream().map(r -> r.resolve(e.file())).filter(Files::isRegularFile)
                        .findFirst();
                // the reference folder is there, so a listed example that is missing (renamed, moved) is a failure
                assertThat(file).as("%s under %s", e.file(), roots).isPresent();
                e.check().accept(body(file.get(), e.status()));
            }));
        }
        return tests.stream();
    }

    private static String body(Path file, String status) throws IOException {
        JsonNode example = TestFixtures.tree(Files.readString(file));
        JsonNode body = example.path("responses").path(status).path("body");
        assertThat(body.isObject()).as("%s has a %s body", file, status).isTrue();
        return body.toString();
    }

    private static void triggerBackup(String body) {
        OperationExtendedInfo info = AzdpJson.read(body, OperationExtendedInfo.class);
        assertThat(info).isEqualTo(new OperationJobExtendedInfo("c60cb49-63e8-4b21-b9bd-26277b3fdfae"));
        // the example's id is not a valid GUID (7 hex digits first); JobId tolerates it
        assertThat(JobId.parse(((OperationJobExtendedInfo) info).jobId()).guid())
                .isEqualTo("c60cb49-63e8-4b21-b9bd-26277b3fdfae");
        assertThat(TestFixtures.countField(AzdpJson.write(info), "objectType")).isEqualTo(1);
    }

    private static void operationStatus(String body, String scopeFragment) {
        OperationResource op = AzdpJson.read(body, OperationResource.class);
        assertThat(op.id()).contains(scopeFragment).endsWith("/operationStatus/" + op.name());
        assertThat(op.name()).startsWith("MjkxOTMyODMtYTE3My00YzJj").endsWith("==");
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(op.status().isTerminal()).isTrue();
        assertThat(op.startTime()).isEqualTo(OffsetDateTime.of(2019, 11, 20, 9, 49, 44, 47_849_600, ZoneOffset.UTC));
        assertThat(op.endTime()).isEqualTo(OffsetDateTime.of(2019, 11, 20, 9, 49, 46, 0, ZoneOffset.UTC));
        assertThat(op.properties()).isNull();
        assertThat(op.error()).isNull();
    }

    private static void getJob(String body) {
        AzureBackupJobResource job = AzdpJson.read(body, AzureBackupJobResource.class);
        assertThat(job.name()).isEqualTo("3c60cb49-63e8-4b21-b9bd-26277b3fdfae");
        BackupJobId id = BackupJobId.parse(job.id()); // "Backupvaults" in the example: segment names are case-insensitive
        assertThat(id.vault().vaultName()).isEqualTo("BugBashVaultForCCYv11");
        assertThat(id.jobId()).isEqualTo(job.name());
        assertThat(job.properties().status()).isEqualTo(JobStatus.of("Started"));
        assertThat(job.properties().status().isTerminal()).isFalse();
        assertThat(job.properties().operationCategory()).isEqualTo("Backup");
        assertThat(job.properties().isUserTriggered()).isFalse();
        assertThat(job.properties().duration()).isEqualTo("00:00:00");
        assertThat(job.properties().parsedDuration()).contains(java.time.Duration.ZERO);
        assertThat(job.properties().endTime()).isNull();
        assertThat(job.properties().startTime()).isEqualTo(OffsetDateTime.parse("2021-03-17T03:00:03.7604146Z"));
        assertThat(job.properties().extendedInfo().additionalDetails())
                .containsEntry("RetentionTag", "Default").containsEntry("PolicyRuleName", "BackupWeekly");
        assertThat(job.properties().extendedInfo().subTasks()).singleElement()
                .satisfies(t -> {
                    assertThat(t.taskId()).isEqualTo(1);
                    assertThat(t.taskName()).isEqualTo("Trigger Backup");
                    assertThat(t.taskStatus()).isEqualTo("Started");
                });
        assertThat(BackupPolicyId.parse(job.properties().policyId()).policyName()).isEqualTo("jakavetdailypolicy");
        assertThat(BackupInstanceId.parse(job.properties().backupInstanceId()).backupInstanceName())
                .isEqualTo("28460a9d-707a-45f3-ace6-b16284c2900e");
    }

    private static void listJobs(String body) {
        AzureBackupJobResourceList list = AzdpJson.read(body, AzureBackupJobResourceList.class);
        assertThat(list.value()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(list.value()).allSatisfy(j -> {
            assertThat(j.properties().vaultName()).isEqualTo("BugBashVaultForCCYv11");
            assertThat(j.properties().operation()).isNotBlank();
            assertThat(BackupJobId.parse(j.id()).jobId()).isEqualTo(j.name());
            assertThat(j.properties().status()).isNotNull();
        });
        assertThat(list.value().get(0).properties().dataSourceName()).isEqualTo("bugbashdb4");
    }

    private static void getPolicy(String body) {
        BaseBackupPolicyResource resource = AzdpJson.read(body, BaseBackupPolicyResource.class);
        checkOssDbPolicy(resource);
        // written back, objectType appears exactly as often as in the example (once per object)
        String written = AzdpJson.write(resource);
        assertThat(TestFixtures.countField(written, "objectType")).isEqualTo(TestFixtures.countField(body, "objectType"))
                .isEqualTo(12);
        assertThat(TestFixtures.sameJson(written, body)).isTrue();
    }

    private static void listPolicies(String body) {
        BaseBackupPolicyResourceList list = AzdpJson.read(body, BaseBackupPolicyResourceList.class);
        assertThat(list.value()).isNotEmpty();
        checkOssDbPolicy(list.value().get(0));
    }

    private static void checkOssDbPolicy(BaseBackupPolicyResource resource) {
        assertThat(BackupPolicyId.parse(resource.id()).policyName()).isEqualTo("OSSDBPolicy");
        assertThat(resource.properties()).isInstanceOf(BackupPolicy.class);
        BackupPolicy policy = (BackupPolicy) resource.properties();
        assertThat(policy.datasourceTypes()).containsExactly("OssDB");
        assertThat(policy.policyRules()).extracting(r -> r.name() + ":" + r.objectType()).containsExactly(
                "BackupWeekly:AzureBackupRule", "Default:AzureRetentionRule", "Weekly:AzureRetentionRule");
        AzureBackupRule backup = (AzureBackupRule) policy.policyRules().get(0);
        assertThat(backup.dataStore().dataStoreType()).isEqualTo("VaultStore");
        assertThat(backup.backupParameters().path("backupType").asText()).isEqualTo("Full");
        ScheduleBasedTriggerContext trigger = (ScheduleBasedTriggerContext) backup.trigger();
        assertThat(trigger.schedule().repeatingTimeIntervals()).containsExactly("R/2019-11-20T08:00:00-08:00/P1W");
        assertThat(trigger.taggingCriteria()).extracting(c -> c.tagInfo().tagName()).containsExactly("Default", "Weekly");
        assertThat(trigger.taggingCriteria().get(1).taggingPriority()).isEqualTo(20L);
        assertThat(((AzureRetentionRule) policy.policyRules().get(1)).isDefault()).isTrue();

        AdhocBackupOptions options = AdhocBackupOptions.from(policy);
        assertThat(options.rules()).containsExactly(
                new AdhocBackupRuleOption("BackupWeekly", List.of("Default", "Weekly"), "Default"));
        assertThat(options.retentionRuleNames()).containsExactly("Default", "Weekly");
        assertThat(TestFixtures.tree(AzdpJson.write(resource)).path("properties").path("objectType").asText()).isEqualTo("BackupPolicy");
    }

    private static void getInstance(String body) {
        BackupInstanceResource bi = AzdpJson.read(body, BackupInstanceResource.class);
        assertThat(BackupInstanceId.parse(bi.id()).backupInstanceName()).isEqualTo("harshitbi2");
        assertThat(bi.tags()).containsEntry("key1", "val1");
        assertThat(bi.properties().dataSourceInfo().datasourceType()).isEqualTo("OssDB");
        assertThat(bi.properties().dataSourceInfo().resourceName()).isEqualTo("testdb");
        assertThat(bi.properties().dataSourceSetInfo().objectType()).isEqualTo("DatasourceSet");
        assertThat(BackupPolicyId.parse(bi.properties().policyInfo().policyId()).policyName()).isEqualTo("PratikPolicy1");
        assertThat(bi.properties().policyInfo().policyVersion()).isEqualTo("3.2");
        assertThat(bi.properties().protectionStatus().status()).isEqualTo("NotProtected");
        assertThat(bi.properties().provisioningState()).isEqualTo("Provisioning");
        assertThat(bi.properties().allowsAdhocBackup()).isFalse();
    }

    private static void getVault(String body) {
        BackupVaultResource vault = AzdpJson.read(body, BackupVaultResource.class);
        assertThat(BackupVaultId.parse(vault.id()).vaultName()).isEqualTo("swaggerExample");
        assertThat(vault.location()).isEqualTo("WestUS");
        assertThat(vault.identity().path("type").asText()).isEqualTo("None");
        assertThat(vault.properties().provisioningState()).isEqualTo("Succeeded");
        assertThat(vault.properties().storageSettings()).extracting(s -> s.datastoreType() + "/" + s.type())
                .containsExactly("VaultStore/LocallyRedundant");
        assertThat(vault.properties().securitySettings().path("softDeleteSettings").path("retentionDurationInDays")
                .asInt()).isEqualTo(14);
        assertThat(vault.properties().secureScore()).isEqualTo("Adequate");
        assertThat(vault.properties().bcdrSecurityLevel()).isEqualTo("Good");
    }
}
