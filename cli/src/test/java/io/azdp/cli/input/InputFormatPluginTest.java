package io.azdp.cli.input;

import static io.azdp.cli.testing.Results.assertFails;
import static io.azdp.cli.testing.Results.describe;
import static io.azdp.cli.testing.Results.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.cli.testing.Emulator;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new input format is one CDI class ({@link PlainIdsInputFormat}, test sources only): picked by name and extension. */
@QuarkusMainTest
class InputFormatPluginTest {
    private static final String DEAD = "http://127.0.0.1:9";
    private static final String OTHER = Emulator.VAULT_ID + "/backupInstances/other";

    @Test
    void aFormatClassInTheApplicationIsSelectableByNameAndByExtension(QuarkusMainLauncher launcher,
            @TempDir Path dir) throws Exception {
        Path byExtension = Files.writeString(dir.resolve("instances.ids"), Emulator.INSTANCE_ID + "\n\n" + OTHER + "\n");
        LaunchResult r = launcher.launch("backup", "--from-file", byExtension.toString(), "--rule-name", "BackupWeekly",
                "--what-if", "--skip-preflight", "--endpoint", DEAD);
        assertThat(r.exitCode()).as(describe(r)).isZero();
        List<String> urls = r.getOutput().lines().map(l -> parse(l)).map((JsonNode n) -> n.path("url").asText())
                .toList();
        assertThat(urls).containsExactly(DEAD + Emulator.INSTANCE_ID + "/backup?api-version=2024-04-01",
                DEAD + OTHER + "/backup?api-version=2024-04-01");

        Path byName = Files.writeString(dir.resolve("list.txt"), OTHER + "\n");
        LaunchResult named = launcher.launch("backup", "--from-file", byName.toString(), "--input-format", "ids",
                "--rule-name", "BackupWeekly", "--what-if", "--skip-preflight", "--endpoint", DEAD);
        assertThat(named.exitCode()).as(describe(named)).isZero();
        assertThat(parse(named.getOutput().strip()).path("url").asText()).contains("/backupInstances/other/backup");

        // the list of formats in the error names the plug-in too
        assertFails(launcher.launch("backup", "--from-file", byName.toString(), "--input-format", "xml",
                "--rule-name", "BackupWeekly", "--what-if", "--skip-preflight", "--endpoint", DEAD), 2, "ids", "json", "yaml");
    }
}
