package io.azdp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
    void cloudNamesAndUrls() {
        assertThat(SettingsResolver.endpoint("--endpoint", "usgov")).isEqualTo(SettingsResolver.USGOV);
        assertThat(SettingsResolver.endpoint("--endpoint", "China")).isEqualTo(SettingsResolver.CHINA);
        assertThat(SettingsResolver.endpoint("--endpoint", "http://localhost:8089/"))
                .isEqualTo(URI.create("http://localhost:8089"));
        assertThat(SettingsResolver.authorityFor(SettingsResolver.PUBLIC))
                .isEqualTo(URI.create("https://login.microsoftonline.com"));
        assertThatThrownBy(() -> SettingsResolver.endpoint("--endpoint", "mars"))
                .hasMessage("--endpoint: expected public, usgov, china or an http(s) URL, got 'mars'");
    }
}
