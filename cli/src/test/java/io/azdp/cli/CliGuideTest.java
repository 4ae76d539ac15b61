package io.azdp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.cli.common.ServiceOptions;
import io.azdp.cli.common.WaitMixin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md has a section per command, checked against the command's {@code --help}: a {@code ## `azdp ...`}
 * heading for every command that runs something, naming every option of that command (the shared output, connection,
 * diagnostics and wait options are documented once, in "Global options" and the backup section).
 */
class CliGuideTest {

    private static List<CommandSpec> leaves(CommandLine cl) {
        List<CommandSpec> out = new ArrayList<>();
        String name = cl.getCommandName();
        if (name.equals("generate-completion") || !name.equals(cl.getCommandSpec().name())) {
            return out;
        }
        if (cl.getSubcommands().isEmpty()) {
            out.add(cl.getCommandSpec());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl) {
                out.addAll(leaves(sub));
            }
        }
        return out;
    }

    /** Options every command shares (documented once): those of the mixins, and help/version. */
    private static Set<String> shared() {
        CommandLine probe = new CommandLine(new Object() {
            @CommandLine.Mixin
            ServiceOptions service;
            @CommandLine.Mixin
            WaitMixin waitOptions;
        });
        Set<String> names = probe.getCommandSpec().options().stream().flatMap(o -> List.of(o.names()).stream())
                .collect(Collectors.toSet());
        names.addAll(Set.of("-h", "--help", "-V", "--version"));
        return names;
    }

    @Test
    void everyCommandHasASectionNamingEachOfItsOptions() throws IOException {
        String guide = Files.readString(CliDocsTest.DOCS.resolve("cli.md"), StandardCharsets.UTF_8);
        Set<String> shared = shared();
        List<CommandSpec> commands = leaves(AzdpCli.commandLine(CommandLine.defaultFactory()));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(7);
        for (CommandSpec command : commands) {
            String qualified = command.qualifiedName();
            // the section's heading names the command: "## `azdp job show`", or "... (alias `azdp backup`)"
            int start = -1;
            for (int at = guide.indexOf("\n## "); at >= 0 && start < 0; at = guide.indexOf("\n## ", at + 1)) {
                String heading = guide.substring(at, guide.indexOf('\n', at + 1));
                if (heading.contains("`" + qualified + "`")) {
                    start = at;
                }
            }
            assertThat(start).as("docs/cli.md has no section '## `%s`'", qualified).isPositive();
            int end = guide.indexOf("\n## ", start + 1);
            String section = guide.substring(start, end < 0 ? guide.length() : end);
            for (OptionSpec option : command.options()) {
                if (option.hidden() || shared.contains(option.longestName())) {
                    continue;
                }
                assertThat(section).as("section '%s' of docs/cli.md names %s", qualified, option.longestName())
                        .contains(option.longestName());
            }
        }
    }
}
