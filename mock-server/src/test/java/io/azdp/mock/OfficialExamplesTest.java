package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.azdp.mock.MockTestSupport.advance;
import static io.azdp.mock.MockTestSupport.arm;
import static io.azdp.mock.MockTestSupport.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.AzdpJson;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.instance.BackupInstanceResource;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.AzureBackupJobResourceList;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.policy.BaseBackupPolicyResourceList;
import io.azdp.model.vault.BackupVaultResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every response shape of the official 2024-04-01 examples that the emulator produces: our body parses with the
 * same api-model type as the example and carries every field the example shows (minus the few listed as not
 * emulated). Skips when the reference checkout is absent.
 */
@QuarkusTest
class OfficialExamplesTest {

    private static final Set<String> NOT_EMULATED = Set.of(
            // vault example fields the emulator does not model
            "properties.featureSettings", "properties.securitySettings.immutabilitySettings", "systemData",
            "properties.isVaultProtectedByResourceGuard", "properties.resourceMoveDetails",
            "properties.resourceMoveState", "properties.replicatedRegions", "etag", "properties.provisioningState",
            "identity.principalId", "identity.tenantId", "properties.monitoringSettings", "properties.securitySettings",
            "properties.secureScore", "properties.bcdrSecurityLevel", "properties.storageSettings[]");

    private Path examples;

    @BeforeEach
    void locate() throws IOException {
        MockTestSupport.reset();
        String dir = System.getProperty("azdp.reference.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "reference checkout absent");
        examples = Path.of(dir, "azure-rest-api-specs", "specification", "dataprotection");
        Assumptions.assumeTrue(Files.isDirectory(examples), "dataprotection spec absent");
    }

    private JsonNode example(String fileName) throws IOException {
        try (Stream<Path> files = Files.walk(examples)) {
            Path file = files.filter(p -> p.toString().contains("2024-04-01") && p.getFileName().toString().equals(fileName))
                    .findFirst().orElse(null);
            Assumptions.assumeTrue(file != null, fileName + " absent");
            return AzdpJson.newMapper().readTree(file.toFile());
        }
    }

    private static Set<String> fields(JsonNode node, String prefix, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(path);
                fields(e.getValue(), path, out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                fields(item, prefix + "[]", out);
            }
        }
        return out;
    }

    /** Our body has every field of the example's body, except fields that hold free-form policy content. */
    private static void assertSameShape(JsonNode example, byte[] ours) throws IOException {
        Set<String> expected = fields(example, "", new TreeSet<>());
        Set<String> actual = fields(AzdpJson.newMapper().readTree(ours), "", new TreeSet<>());
        expected.removeIf(f -> NOT_EMULATED.stream().anyMatch(n -> f.equals(n) || f.startsWith(n + ".")
                || f.startsWith(n + "[]")) || f.startsWith("tags."));
        assertThat(actual).containsAll(expected);
    }

    private static JsonNode body(JsonNode example, String status) {
        return example.path("responses").path(status).path("body");
    }

    @Test
    void triggerBackup202And200() throws IOException {
        JsonNode ex = example("TriggerBackup.json");
        Response accepted = trigger(null);
        assertThat(accepted.statusCode()).isEqualTo(202);
        ex.path("responses").path("202").path("headers").fieldNames()
                .forEachRemaining(h -> assertThat(accepted.header(h)).as(h).isNotBlank());
        Response sync = trigger("mode=sync");
        assertThat(sync.statusCode()).isEqualTo(200);
        AzdpJson.read(sync.asByteArray(), OperationJobExtendedInfo.class);
        assertSameShape(body(ex, "200"), sync.asByteArray());
    }

    @Test
    void operationStatusAtEachScope() throws IOException {
        String async = trigger(null).header("Azure-AsyncOperation");
        String opId = async.substring(async.indexOf("/operationStatus/") + 17, async.indexOf('?'));
        advance("PT1S");
        String sub = "/subscriptions/" + MockTestSupport.SUB;
        Map<String, String> byExample = Map.of(
                "GetOperationStatus.json", sub + "/providers/Microsoft.DataProtection/locations/westus/operationStatus/",
                "GetOperationStatusVaultContext.json", VAULT_PATH + "/operationStatus/",
                "GetOperationStatusRGContext.json", sub + "/resourceGroups/" + MockTestSupport.RG
                        + "/providers/Microsoft.DataProtection/operationStatus/");
        for (Map.Entry<String, String> e : byExample.entrySet()) {
            byte[] ours = arm().get(e.getValue() + opId + "?api-version=" + API).then().statusCode(200).extract()
                    .asByteArray();
            AzdpJson.read(ours, OperationResource.class);
            assertSameShape(body(example(e.getKey()), "200"), ours);
        }
    }

    @Test
    void operationResult202And200() throws IOException {
        JsonNode ex = example("GetOperationResult.json");
        String location = trigger(null).header("Location");
        Response running = arm().get(location);
        assertThat(running.statusCode()).isEqualTo(202);
        assertThat(running.header("Location")).isNotBlank();
        assertThat(running.header("Retry-After")).isNotBlank();
        advance("PT1S");
        byte[] done = arm().get(location).then().statusCode(200).extract().asByteArray();
        AzdpJson.read(done, OperationJobExtendedInfo.class);
        assertSameShape(body(ex, "200"), done);
    }

    @Test
    void jobGetAndList() throws IOException {
        String jobId = trigger("mode=sync").path("jobId");
        byte[] job = arm().get(jobId + "?api-version=" + API).then().statusCode(200).extract().asByteArray();
        AzdpJson.read(job, AzureBackupJobResource.class);
        assertSameShape(body(example("GetJob.json"), "200"), job);
        advance("PT10S");
        byte[] list = arm().get(VAULT_PATH + "/backupJobs?api-version=" + API).then().statusCode(200).extract()
                .asByteArray();
        AzdpJson.read(list, AzureBackupJobResourceList.class);
        JsonNode listExample = body(example("ListJobs.json"), "200").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) listExample).remove("nextLink");
        assertSameShape(listExample, list);
    }

    @Test
    void backupInstance() throws IOException {
        byte[] ours = arm().get(VAULT_PATH + "/backupInstances/" + MockTestSupport.INSTANCE + "?api-version=" + API)
                .then().statusCode(200).extract().asByteArray();
        BackupInstanceResource bi = AzdpJson.read(ours, BackupInstanceResource.class);
        assertThat(bi.properties().policyInfo().policyId()).endsWith("/backupPolicies/azdp-demo-policy");
        assertThat(bi.properties().allowsAdhocBackup()).isTrue();
        assertSameShape(body(example("GetBackupInstance.json"), "200"), ours);
    }

    @Test
    void policyGetAndList() throws IOException {
        byte[] ours = arm().get(VAULT_PATH + "/backupPolicies/azdp-demo-policy?api-version=" + API).then()
                .statusCode(200).extract().asByteArray();
        BaseBackupPolicyResource policy = AzdpJson.read(ours, BaseBackupPolicyResource.class);
        assertThat(io.azdp.model.policy.AdhocBackupOptions.from(policy).ruleNames()).containsExactly("BackupWeekly");
        JsonNode ex = body(example("GetBackupPolicy.json"), "200");
        // compare the envelope and the rule shapes, not the example's particular schedule criteria
        assertThat(fields(AzdpJson.newMapper().readTree(ours), "", new TreeSet<>())).contains("id", "name", "type",
                "properties.objectType", "properties.datasourceTypes", "properties.policyRules[].name",
                "properties.policyRules[].objectType", "properties.policyRules[].trigger.taggingCriteria[].tagInfo.tagName",
                "properties.policyRules[].lifecycles");
        assertThat(ex.path("properties").path("objectType").asText()).isEqualTo("BackupPolicy");
        byte[] list = arm().get(VAULT_PATH + "/backupPolicies?api-version=" + API).then().statusCode(200).extract()
                .asByteArray();
        assertThat(AzdpJson.read(list, BaseBackupPolicyResourceList.class).value()).hasSize(1);
        assertThat(body(example("ListBackupPolicy.json"), "200").has("value")).isTrue();
    }

    @Test
    void vault() throws IOException {
        byte[] ours = arm().get(VAULT_PATH + "?api-version=" + API).then().statusCode(200).extract().asByteArray();
        BackupVaultResource vault = AzdpJson.read(ours, BackupVaultResource.class);
        assertThat(vault.location()).isEqualTo("westus");
        assertSameShape(body(example("GetBackupVault.json"), "200"), ours);
    }
}
