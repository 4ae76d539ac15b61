package io.azdp.model.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.model.AzdpJson;
import io.azdp.model.OperationResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check itself: it must find what a stand-in application hands to Jackson, and fail on what is not registered. */
class NativeReflectionCheckTest {
    private static final Path FIXTURE = Path.of("target/test-classes/io/azdp/model/nativeimage/fixture");
    private static final String P = "io.azdp.model.nativeimage.fixture.Calls$";

    @Test
    void findsWhatTheCodeHandsToJacksonAndFailsOnEveryClassNotRegistered() {
        NativeReflectionCheck.Result r = NativeReflectionCheck.of(FIXTURE).run();

        assertThat(r.missing()).as(r.report()).containsOnlyKeys(P + "Written", P + "Nested", P + "ViaHelper",
                P + "ReadAsList", P + "ReadAsClass", P + "Untyped", P + "Boxed", P + "OnlyInTests");
        assertThat(r.missing().get(P + "Nested")).contains("Calls.direct(Calls.java:", "Written", ".nested");
        assertThat(r.missing().get(P + "ViaHelper")).contains("Calls.viaHelper(Calls.java:");
        assertThat(r.unresolved()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("Calls.untyped(Calls.java:", "AzdpJson.write");
        assertThat(r.problems()).anySatisfy(p -> assertThat(p)
                .startsWith(P + "Written is not registered for reflection, but Jackson binds it in the native image"));
    }

    @Test
    void anAcknowledgedSiteIsAcceptedAndAStaleOneReported() {
        NativeReflectionCheck.Result r = NativeReflectionCheck.of(FIXTURE)
                .acknowledging("Calls.untyped(", "test: values are strings")
                .acknowledging("Calls.gone(", "test: no such site").run();

        assertThat(r.unresolved()).isEmpty();
        assertThat(r.problems()).contains("acknowledged site 'Calls.gone(' no longer exists; remove it");
    }

    @Test
    void aPropertyWhoseTypeIsNotStaticallyKnownIsAProblemUnlessAcceptedWithAReason() {
        NativeReflectionCheck.Result r = NativeReflectionCheck.of(FIXTURE).run();

        // Object, Map<String, Object> and List<?> say nothing about what Jackson binds; JsonNode (a tree), a type
        // variable bound where it is used (Boxed<Nested>) and List<String> do
        assertThat(r.untyped()).as(r.report()).containsOnlyKeys(P + "Untyped.body", P + "Untyped.extra",
                P + "Untyped.items");
        assertThat(r.required()).containsKey(P + "Nested");
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("type not statically known: " + P
                + "Untyped.body is declared Object, at io.azdp.model.nativeimage.fixture.Calls.untypedProperties(")
                .endsWith("> Untyped.body (Jackson binds whatever it holds, unregistered; give it a concrete type, or"
                        + " accept it in this test with the reason nothing it holds needs registering)"));
        assertThat(r.untyped().get(P + "Untyped.extra")).startsWith("declared Map<String, Object> (Object in it), at ");
        assertThat(r.untyped().get(P + "Untyped.items")).startsWith("declared List<?> (? in it), at ");

        NativeReflectionCheck.Result accepted = NativeReflectionCheck.of(FIXTURE)
                .acceptingUntyped(P + "Untyped.body", "test: a JsonNode tree")
                .acceptingUntyped(P + "Untyped.extra", "test: strings")
                .acceptingUntyped(P + "Untyped.items", "test: strings")
                .acceptingUntyped(P + "Untyped.gone", "test: no such property").run();
        assertThat(accepted.untyped()).isEmpty();
        assertThat(accepted.problems()).noneMatch(p -> p.startsWith("type not statically known"))
                .contains("accepted untyped property '" + P + "Untyped.gone' is no longer reached; remove it");
    }

    @Test
    void aRegistrationOnTheTestClassPathOnlyDoesNotCount() {
        // src/test/resources/META-INF/native-image/.../reflect-config.json registers OnlyInTests: on the class path
        // the check runs on, but not in what the native image is built from
        assertThat(getClass().getClassLoader().getResource(
                "META-INF/native-image/io.azdp/nativecheck-fixture/reflect-config.json")).isNotNull();

        NativeReflectionCheck.Result r = NativeReflectionCheck.of(FIXTURE).run();

        assertThat(r.missing()).as(r.report()).containsKey(P + "OnlyInTests");
        assertThat(r.registrations().sources()).isNotEmpty()
                .noneSatisfy(s -> assertThat(s).contains("test-classes").contains("native-image"));
    }

    @Test
    void theRuntimeClassPathIsTheModuleOutputAndWhatMavenListsWithoutTestScope(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("target");
        Files.createDirectories(target);
        String sep = java.io.File.pathSeparator;
        Files.writeString(target.resolve("runtime-classpath.txt"), String.join(sep, "/m2/a-1.jar",
                "/other/module/target/test-classes", "/m2/b-1-tests.jar", "/other/module/target/classes") + "\n");

        assertThat(RuntimeClassPath.read(target.resolve("runtime-classpath.txt"))).containsExactly(
                target.toAbsolutePath().resolve("classes"), Path.of("/m2/a-1.jar"), Path.of("/other/module/target/classes"));
        assertThatThrownBy(() -> RuntimeClassPath.read(dir.resolve("none.txt")))
                .hasMessageContaining("none.txt not found: maven-dependency-plugin's runtime-classpath execution");
    }

    @Test
    void aResourceTheCodeLoadsMustBeIncludedInTheNativeImage(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path props = dir.resolve("application.properties");

        assertThat(NativeResources.problems(FIXTURE, props)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("fixture.Calls.resource loads 'fixture-data.yaml'", "quarkus.native.resources.includes");
        java.nio.file.Files.writeString(props, "quarkus.native.resources.includes=other.txt,fixture-*.yaml\n");
        assertThat(NativeResources.problems(FIXTURE, props)).isEmpty();
    }

    @Test
    void theTypeGraphFollowsPropertiesSubtypesAndNamedDeserializers() {
        Map<String, String> graph = JacksonTypeGraph.with(AzdpJson.newMapper()).root(OperationResource.class, "root")
                .classes();

        assertThat(graph).containsKeys("io.azdp.model.OperationResource", "io.azdp.model.OperationStatus",
                "io.azdp.model.Error", "io.azdp.model.ErrorAdditionalInfo",
                "io.azdp.model.OperationExtendedInfo", "io.azdp.model.OperationExtendedInfo$Deserializer",
                "io.azdp.model.OperationJobExtendedInfo", "io.azdp.model.UnknownOperationExtendedInfo",
                "io.azdp.model.UnknownOperationExtendedInfo$Deserializer", "io.azdp.model.internal.UnknownObject",
                "io.azdp.model.internal.UnknownObjectSerializer",
                "io.azdp.model.internal.LenientOffsetDateTimeDeserializer");
        assertThat(graph).noneSatisfy((c, why) -> assertThat(c).startsWith("java."));
        assertThat(graph.get("io.azdp.model.ErrorAdditionalInfo")).isEqualTo("root > OperationResource.error"
                + " > Error.additionalInfo[]");
    }
}
