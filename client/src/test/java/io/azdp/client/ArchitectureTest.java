package io.azdp.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The client's package structure (docs/adr/0008): no package cycles (each package, the root included, is one slice),
 * the layers below the facade never reach up into it, and the implementation classes stay package-private.
 */
class ArchitectureTest {
    static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.azdp.client");

    /** One slice per Java package (the root package too, which ArchUnit's pattern syntax cannot name). */
    static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith("io.azdp.client") ? SliceIdentifier.of(c.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of io.azdp.client";
        }
    };

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(CLIENT);
    }

    @Test
    void lowerLayersDoNotDependOnTheFacade() {
        noClasses().that().resideInAnyPackage("io.azdp.client.lro..", "io.azdp.client.http..",
                "io.azdp.client.auth..", "io.azdp.client.error..", "io.azdp.client.api..")
                .should().dependOnClassesThat().resideInAPackage("io.azdp.client")
                .check(CLIENT);
        noClasses().that().resideInAnyPackage("io.azdp.client.http..", "io.azdp.client.error..",
                "io.azdp.client.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.azdp.client.lro..", "io.azdp.client.auth..")
                .check(CLIENT);
    }

    @Test
    void implementationClassesArePackagePrivate() {
        classes().that().haveSimpleNameEndingWith("Strategy").or().haveSimpleName("JobPoller")
                .or().haveSimpleName("OperationUrls").or().haveSimpleName("PollingPolicy")
                .or().haveSimpleName("ArmPipeline").or().haveSimpleName("ArmRequestFilter")
                .or().haveSimpleName("SettingsResolver").or().haveSimpleName("Preflight")
                .or().haveSimpleNameEndingWith("TokenSource").and().doNotHaveSimpleName("TokenSource")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(CLIENT);
    }
}
