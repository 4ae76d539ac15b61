package io.azdp.cli.auth;

import static io.azdp.cli.testing.Results.assertFails;
import static io.azdp.cli.testing.Results.assertNoStackTrace;
import static io.azdp.cli.testing.Results.describe;
import static io.azdp.cli.testing.Results.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.cli.testing.Emulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code azdp auth show} and {@code --auth} through every credential the emulator plays, over HTTP. */
@QuarkusMainTest
@Tag("packaged") // CI runs these on the packaged CLI (the *IT twin); see cli/README.md, Tests
@WithTestResource(CredentialsResource.class)
class AuthShowCommandTest {

    private static JsonNode show(QuarkusMainLauncher launcher, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "auth";
        all[1] = "show";
        System.arraycopy(args, 0, all, 2, args.length);
        LaunchResult r = launcher.launch(all);
        assertThat(r.exitCode()).as(describe(r)).isZero();
        assertThat(r.getOutput()).doesNotContain("eyJ");
        return json(r);
    }

    @Test
    void certificateFromTheEnvironmentCredential(QuarkusMainLauncher launcher) {
        JsonNode n = show(launcher, "--profile", "cert");
        assertThat(n.path("credential").asText()).startsWith("environment (client certificate")
                .endsWith("chosen by the default chain");
        assertThat(n.path("clientId").asText()).isEqualTo(Emulator.CLIENT_ID);
        assertThat(n.path("tenantId").asText()).isEqualTo(Emulator.TENANT);
        assertThat(n.path("expiresOn").asText()).matches("\\d{4}-.*Z");
    }

    @Test
    void workloadIdentityFromTheProfile(QuarkusMainLauncher launcher) {
        JsonNode n = show(launcher, "--profile", "wi", "--auth", "workload-identity");
        assertThat(n.path("credential").asText()).startsWith("workload identity");
        assertThat(n.path("clientId").asText()).isEqualTo(Emulator.CLIENT_ID);
    }

    @Test
    void managedIdentitySystemAndUserAssignedAndAppService(QuarkusMainLauncher launcher) {
        assertThat(show(launcher, "--profile", "mi").path("clientId").asText()).isEqualTo("azdp-mock-system-identity");
        assertThat(show(launcher, "--profile", "mi", "--client-id", "azdp-mock-user-identity").path("clientId")
                .asText()).isEqualTo("azdp-mock-user-identity");
        JsonNode app = show(launcher, "--profile", "appsvc");
        assertThat(app.path("credential").asText()).contains("App Service");
    }

    @Test
    void azureCliStandIn(QuarkusMainLauncher launcher) {
        JsonNode n = show(launcher, "--profile", "az");
        assertThat(n.path("credential").asText()).startsWith("Azure CLI");
        assertThat(n.path("subscriptionId").asText()).isEqualTo(Emulator.SUBSCRIPTION);
    }

    @Test
    void azureDeveloperCliStandInAndLegacyMsiEndpoint(QuarkusMainLauncher launcher) {
        JsonNode azd = show(launcher, "--profile", "azd");
        assertThat(azd.path("credential").asText()).startsWith("Azure Developer CLI");
        assertThat(azd.path("expiresOn").asText()).matches("\\d{4}-.*Z");
        JsonNode msi = show(launcher, "--profile", "msi");
        assertThat(msi.path("credential").asText()).contains("App Service, MSI_ENDPOINT");
        assertThat(msi.path("clientId").asText()).isEqualTo("azdp-mock-system-identity");
    }

    @Test
    void azurePowerShellNotLoggedInIsExitFourSayingWhatToDo(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("auth", "show", "--profile", "pwsh");
        assertFails(r, 4, "Azure PowerShell: not logged in; run Connect-AzAccount");
        assertNoStackTrace(r);
    }

    @Test
    void verboseNamesTheCredentialTheChainChose(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("backup-instance", "rules", "-g", Emulator.RG, "-v", Emulator.VAULT, "-n",
                Emulator.INSTANCE, "--profile", "chain", "--verbose");
        assertThat(r.exitCode()).as(describe(r)).isZero();
        assertThat(r.getErrorOutput()).contains("credential: managed identity (IMDS, system-assigned)")
                .contains("chosen by the default chain").contains("client id azdp-mock-system-identity");
    }

    @Test
    void unreachableTokenEndpointIsExitSixInOneLine(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("auth", "show", "--profile", "down", "--auth", "environment");
        assertFails(r, 6, "cannot reach the token endpoint");
        assertNoStackTrace(r);
        assertThat(r.getErrorOutput()).doesNotContain(Emulator.CLIENT_SECRET);
    }

    @Test
    void aMisspelledAuthKindIsAUsageError(QuarkusMainLauncher launcher) {
        assertFails(launcher.launch("auth", "show", "--auth", "managed-identiy"), 2, "--auth",
                "did you mean 'managed-identity'");
    }

    @Test
    void anUnusableExplicitCredentialIsExitFourSayingWhatToDo(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("auth", "show", "--profile", "chain", "--auth", "azure-cli");
        assertFails(r, 4, "Azure CLI", "not an executable file");
        assertNoStackTrace(r);
    }
}
