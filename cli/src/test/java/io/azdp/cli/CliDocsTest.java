package io.azdp.cli;

import io.azdp.cli.common.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The shell completion script ({@code docs/completion/azdp_completion}) and man pages ({@code docs/man/*.adoc}) are
 * generated from the picocli model; this test fails when they are stale. Regenerate with
 * {@code ./mvnw -pl cli test -Dtest=CliDocsTest -Dazdp.docs.update=true}.
 */
class CliDocsTest {
    static final Path DOCS = Path.of(System.getProperty("azdp.docs.dir", "../docs"));

    static Map<Path, String> generate() {
        CommandLine cl = AzdpCli.commandLine(CommandLine.defaultFactory());
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(DOCS.resolve("completion").resolve("azdp_completion"), AutoComplete.bash("azdp", cl));
        addManPages(cl, files);
        return files;
    }

    private static void addManPages(CommandLine cl, Map<Path, String> files) {
        if (cl.getCommandSpec().usageMessage().hidden() || cl.getCommandName().equals("generate-completion")) {
            return;
        }
        StringWriter sw = new StringWriter();
        try (PrintWriter pw = new PrintWriter(sw)) {
            ManPageGenerator.writeSingleManPage(pw, cl.getCommandSpec());
        }
        String name = cl.getCommandSpec().qualifiedName("-");
        // picocli stamps the generation date; drop it so the files are reproducible
        String text = sw.toString().replaceAll("(?m)^:revdate:.*\\R", "").replaceAll("(?m)^:docdate:.*\\R", "");
        files.put(DOCS.resolve("man").resolve(name + ".adoc"), text);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl && sub.getCommandName().equals(sub.getCommandSpec().name())) {
                addManPages(sub, files);
            }
        }
    }

    @Test
    void generatedDocsAreCurrent() throws IOException {
        Map<Path, String> files = generate();
        assertThat(files).hasSizeGreaterThan(8);
        boolean update = Boolean.getBoolean("azdp.docs.update");
        for (Map.Entry<Path, String> e : files.entrySet()) {
            if (update) {
                Files.createDirectories(e.getKey().getParent());
                Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(e.getKey()).as("generated doc missing; run with -Dazdp.docs.update=true").exists();
            assertThat(Files.readString(e.getKey(), StandardCharsets.UTF_8))
                    .as(e.getKey() + " is stale; run ./mvnw -pl cli test -Dtest=CliDocsTest -Dazdp.docs.update=true")
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void exitCodeTableInTheGuideMatchesTheCode() throws IOException {
        String guide = Files.readString(DOCS.resolve("cli.md"), StandardCharsets.UTF_8).replace("`", "");
        Map<String, String> table = new LinkedHashMap<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| (\\d{1,3}) \\| (.+) \\|$").matcher(guide);
        while (row.find()) {
            table.putIfAbsent(row.group(1), row.group(2));
        }
        Map<String, String> code = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            code.put(String.valueOf(c.code()), c.meaning());
        }
        assertThat(table).containsExactlyEntriesOf(code);
    }

    @Test
    void completionKnowsEveryCommandAndOption() {
        String script = generate().get(DOCS.resolve("completion").resolve("azdp_completion"));
        assertThat(script).contains("adhoc-backup", "rules", "--wait-for-job", "--resume-token", "--from-file");
    }
}
