package io.azdp.model.nativeimage;

import java.util.Map;

/**
 * The api-model's own properties whose type is not statically known, accepted once for every application that binds
 * the model, each with the reason nothing it holds needs registering. {@code NativeImageMetadataTest} fails when this
 * list and the model differ (a new untyped property, or an entry whose property is gone).
 */
public final class ModelUntyped {
    private static final String UNKNOWN_OBJECT = "an unknown objectType's properties: ObjectTypeDeserializer reads"
            + " them as plain maps, lists and scalars, UnknownObjectSerializer writes them back; the model never puts a"
            + " record there";

    public static final Map<String, String> ACCEPTED = Map.of(
            "io.azdp.model.UnknownOperationExtendedInfo.properties", UNKNOWN_OBJECT,
            "io.azdp.model.policy.UnknownBackupPolicy.properties", UNKNOWN_OBJECT,
            "io.azdp.model.policy.UnknownPolicyRule.properties", UNKNOWN_OBJECT,
            "io.azdp.model.policy.UnknownTriggerContext.properties", UNKNOWN_OBJECT);

    private ModelUntyped() {
    }
}
