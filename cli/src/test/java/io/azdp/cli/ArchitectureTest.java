package io.azdp.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.azdp.client.lro.Pollers;
import io.azdp.client.lro.ResumeToken;
import org.junit.jupiter.api.Test;

/**
 * The CLI's package structure (docs/adr/0008): no package cycles (the root package, which wires the commands, is a
 * slice too), and the CLI only maps flags to the client and renders results: it uses the client's API, not its
 * transport, REST interfaces, credential classes or polling machinery, and builds no resume token by hand.
 */
class ArchitectureTest {
    static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.azdp.cli");

    static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith("io.azdp.cli") ? SliceIdentifier.of(c.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of io.azdp.cli";
        }
    };

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(CLI);
    }

    @Test
    void theCliUsesTheClientsApiOnly() {
        noClasses().that().resideInAPackage("io.azdp.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.azdp.client.http..", "io.azdp.client.api..",
                        "io.azdp.client.auth..")
                .orShould().dependOnClassesThat().belongToAnyOf(Pollers.class)
                .check(CLI);
        noClasses().that().resideInAPackage("io.azdp.cli..")
                .should().callConstructor(ResumeToken.class, java.net.URI.class, java.net.URI.class, String.class,
                        java.time.Instant.class, String.class, String.class)
                .orShould().callMethod(ResumeToken.class, "decode", String.class)
                .check(CLI);
    }
}
