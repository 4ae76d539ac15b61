package io.azdp.model.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.OperationResource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check itself: it must find what a stand-in application hands to Jackson, and fail on what is not registered. */
class NativeReflectionCheckTest {
    private static final Path FIXTURE = Path.of("target/test-classes/io/azdp/model/nativeimage/fixture");
    private static final String P = "io.azdp.model.nativeimage.fixture.Calls$";

    @Test
    void findsWhatTheCodeHandsToJacksonAndFailsOnEveryClassNotRegistered() {
        NativeReflectionCheck.Result r = NativeReflectionCheck.of(FIXTURE).run();

        assertThat(r.missing()).as(r.report()).containsOnlyKeys(P + "Written", P + "Nested", P + "ViaHelper",
                P + "ReadAsList", P + "ReadAsClass");
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
