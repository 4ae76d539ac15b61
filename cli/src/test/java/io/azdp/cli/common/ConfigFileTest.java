package io.azdp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import io.azdp.client.ClientSettings;
import io.azdp.client.DataProtectionClient;
import io.azdp.client.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @Test
    void profilesOverrideTopLevelKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                profile: emu
                endpoint: public
                subscription-id: top
                profiles:
                  emu:
                    endpoint: http://localhost:8089
                  prod:
                    subscription-id: prod-sub
                """);
        ConfigFile config = ConfigFile.load(file);
        assertThat(config.activeProfile(null)).isEqualTo("emu");
        assertThat(config.get("emu", "endpoint")).contains("http://localhost:8089");
        assertThat(config.get("emu", "subscription-id")).contains("top");
        assertThat(config.get("prod", "subscription-id")).contains("prod-sub");
        assertThat(config.get("prod", "tenant-id")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> config.activeProfile("nope")).hasMessageStartingWith("--profile: expected a profile");
    }

    @Test
    void missingFileIsEmptyAndBrokenFileNamesTheLine(@TempDir Path dir) throws Exception {
        assertThat(ConfigFile.load(dir.resolve("none.yaml")).get("default", "endpoint")).isEmpty();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "a: 1\nb: [\n");
        assertThatThrownBy(() -> ConfigFile.load(bad)).isInstanceOf(CliException.class)
                .hasMessageContaining(bad + ":").hasMessageContaining("expected valid YAML");
    }

    @Test
    void aDirectoryWhereTheFileBelongsIsAUsageError(@TempDir Path dir) {
        // issue 15: AZDP_CONFIG pointing at a directory was read as "no config file", silently
        assertThatThrownBy(() -> ConfigFile.load(dir)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("config file " + dir + ": expected a YAML file, got a directory (set AZDP_CONFIG to the "
                        + "file)");
    }

    @Test
    void theFileIsALayerOfTheClientsResolutionBelowTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                endpoint: azure
                authority: https://login.example.test
                poll-interval: 500ms
                profiles:
                  bad:
                    endpoint: mars
                """);
        ConfigFile config = ConfigFile.load(file);
        ClientSettings s = DataProtectionClient.builder().environment(Map.of("AZDP_POLL_INTERVAL", "3s"))
                .source(config.source("default")).settings();
        // 'azure' names the public cloud, as in the client's one table; the older key 'authority' still works
        assertThat(s.endpoint()).isEqualTo(URI.create("https://management.azure.com"));
        assertThat(s.authorityHost()).isEqualTo(URI.create("https://login.example.test"));
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> DataProtectionClient.builder().environment(Map.of()).source(config.source("bad"))
                .settings()).hasMessage(file + ": endpoint: expected public, usgov, china or an http(s) URL, got 'mars'");
        assertThatThrownBy(() -> DataProtectionClient.builder().environment(Map.of()).source(config.source("bad"))
                .set(Setting.ENDPOINT, "venus", "--endpoint").settings())
                .hasMessage("--endpoint: expected public, usgov, china or an http(s) URL, got 'venus'");
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheClosestValidOne(@TempDir Path dir) throws Exception {
        Path top = dir.resolve("top.yaml");
        Files.writeString(top, "endpont: usgov\n");
        assertThatThrownBy(() -> ConfigFile.load(top)).isInstanceOf(CliException.class)
                .hasMessage(top + ": endpont: unknown key; did you mean 'endpoint'?")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.USAGE));
        Path inProfile = dir.resolve("profile.yaml");
        Files.writeString(inProfile, "profiles:\n  prod:\n    subscription: x\n");
        assertThatThrownBy(() -> ConfigFile.load(inProfile))
                .hasMessage(inProfile + ": profiles.prod.subscription: unknown key; did you mean 'subscription-id'?");
        Path cliKeys = dir.resolve("cli.yaml");
        Files.writeString(cliKeys, "output: table\nonly-show-errors: true\nretry.max-retries: 2\nprofile: p\n"
                + "profiles:\n  p:\n    output: tsv\n");
        assertThat(ConfigFile.load(cliKeys).get("p", "output")).contains("tsv");
    }
}
