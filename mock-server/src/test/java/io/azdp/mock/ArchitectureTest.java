package io.azdp.mock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The emulator's package structure (docs/README.md, "where things live"): no package cycles (each package, the root
 * included, is one slice); the root holds only what every package may use (config, ids, base URL, the entry point);
 * {@code error} and {@code inventory} are leaves; the gate every ARM request passes ({@code gate}) and the state
 * ({@code store}, {@code lro}) never reach into the HTTP resources ({@code arm}, {@code admin}).
 */
class ArchitectureTest {
    static final JavaClasses MOCK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.azdp.mock");

    /** One slice per Java package (the root package too, which ArchUnit's pattern syntax cannot name). */
    static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith("io.azdp.mock") ? SliceIdentifier.of(c.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of io.azdp.mock";
        }
    };

    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(MOCK);
    }

    @Test
    void theRootPackageDependsOnNoOtherPackageOfTheEmulator() {
        noClasses().that().resideInAPackage("io.azdp.mock")
                .should().dependOnClassesThat().resideInAPackage("io.azdp.mock.(*)..")
                .check(MOCK);
    }

    @Test
    void errorsAndTheInventoryAreLeaves() {
        noClasses().that().resideInAPackage("io.azdp.mock.error..")
                .should().dependOnClassesThat().resideInAnyPackage("io.azdp.mock.(*)..")
                .andShould().dependOnClassesThat().resideInAPackage("io.azdp.mock")
                .check(MOCK);
        noClasses().that().resideInAPackage("io.azdp.mock.inventory..")
                .should().dependOnClassesThat().resideInAnyPackage("io.azdp.mock.lro..", "io.azdp.mock.store..",
                        "io.azdp.mock.gate..", "io.azdp.mock.auth..", "io.azdp.mock.arm..", "io.azdp.mock.admin..")
                .check(MOCK);
    }

    @Test
    void theGateAndTheStateNeverReachIntoTheHttpResources() {
        noClasses().that().resideInAnyPackage("io.azdp.mock.gate..", "io.azdp.mock.store..", "io.azdp.mock.lro..",
                "io.azdp.mock.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("io.azdp.mock.arm..", "io.azdp.mock.admin..")
                .check(MOCK);
        noClasses().that().resideInAPackage("io.azdp.mock.gate..")
                .should().dependOnClassesThat().resideInAPackage("io.azdp.mock.store..")
                .check(MOCK);
        noClasses().that().resideInAPackage("io.azdp.mock.arm..")
                .should().dependOnClassesThat().resideInAPackage("io.azdp.mock.admin..")
                .check(MOCK);
    }
}
