package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.nativeimage.ModelUntyped;
import io.azdp.model.nativeimage.NativeReflectionCheck;
import io.azdp.model.nativeimage.ReachabilityMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The native-image metadata this jar ships ({@code META-INF/native-image/io.azdp/azdp-api-model/reachability-metadata.json}):
 * native-image reads it from the jar, so every application using the model (client, CLI, emulator) can bind it
 * without registering the model itself. It is generated from the classes; this test fails when it is stale.
 * Regenerate: {@code ./mvnw -B -pl api-model test -Dtest=NativeImageMetadataTest -Dazdp.native-metadata.write=true}.
 */
class NativeImageMetadataTest {
    static final String RESOURCE = "META-INF/native-image/io.azdp/azdp-api-model/reachability-metadata.json";
    private static final Path SOURCE = Path.of("src/main/resources").resolve(RESOURCE);
    private static final String COMMENT = "Generated from the api-model classes by NativeImageMetadataTest: every record,"
            + " enum and Jackson-annotated type and everything Jackson reaches from them. Do not edit; regenerate with"
            + " ./mvnw -B -pl api-model test -Dtest=NativeImageMetadataTest -Dazdp.native-metadata.write=true";

    @Test
    void shippedMetadataRegistersEveryClassJacksonBindsInTheModel() throws IOException {
        Map<String, String> bound = ReachabilityMetadata.boundClasses(Path.of("target/classes"),
                getClass().getClassLoader(), AzdpJson.newMapper());
        String expected = ReachabilityMetadata.render(bound.keySet(), COMMENT);
        if (Boolean.getBoolean("azdp.native-metadata.write")) {
            Files.createDirectories(SOURCE.getParent());
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
        }
        String shipped = Files.readString(SOURCE, StandardCharsets.UTF_8);
        Set<String> added = new TreeSet<>(bound.keySet());
        added.removeAll(types(shipped));
        Set<String> gone = types(shipped);
        gone.removeAll(bound.keySet());
        assertThat(shipped).as("%s is stale (classes to add: %s; to remove: %s); regenerate it with ./mvnw -B -pl"
                + " api-model test -Dtest=NativeImageMetadataTest -Dazdp.native-metadata.write=true", SOURCE, added, gone)
                .isEqualTo(expected);
        assertThat(bound).containsKeys(TriggerBackupRequest.class.getName(), CloudError.class.getName(),
                io.azdp.model.job.AzureBackupJobResourceList.class.getName(),
                io.azdp.model.policy.BaseBackupPolicy.Deserializer.class.getName(),
                io.azdp.model.id.BackupInstanceId.class.getName());
        assertThat(bound).doesNotContainKeys(AzdpJson.class.getName(), ValidationException.class.getName());
    }

    @Test
    void everyModelPropertyWhoseTypeIsNotStaticallyKnownIsAcceptedWithAReason() {
        Map<String, String> untyped = ReachabilityMetadata.graph(Path.of("target/classes"), getClass().getClassLoader(),
                AzdpJson.newMapper()).untyped();

        assertThat(untyped.keySet()).as("the model's untyped properties %s must be exactly those accepted in"
                + " ModelUntyped, each with a reason", untyped).isEqualTo(ModelUntyped.ACCEPTED.keySet());
        assertThat(ModelUntyped.ACCEPTED.values()).allSatisfy(why -> assertThat(why).isNotBlank());
    }

    @Test
    void theFileIsPackagedWhereNativeImageLooksForIt() {
        assertThat(AzdpJson.class.getClassLoader().getResource(RESOURCE)).as(RESOURCE).isNotNull();
    }

    @Test
    void everyTypeTheModelsOwnCodeHandsToJacksonIsRegistered() {
        NativeReflectionCheck.Result r = NativeReflectionCheck.of(Path.of("target/classes"))
                .acknowledging("UnknownObjectSerializer.serialize(", "an Unknown* record's properties are the plain"
                        + " maps, lists and scalars Jackson read them as: no reflection")
                .acknowledging("ObjectTypeDeserializer.deserialize(", "the record of a known objectType: a permitted"
                        + " subtype of the sealed interface, which the type graph follows")
                .run();

        assertThat(r.problems()).as(r.report()).isEmpty();
        assertThat(r.sites().roots()).extracting(root -> root.type().getRawClass().getName())
                .contains(UserFacingError.class.getName());
    }

    private static Set<String> types(String json) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\"type\": \"([^\"]+)\"").matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
