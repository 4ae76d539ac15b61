package io.azdp.model.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azdp.model.internal.ObjectTypeDeserializer;
import java.util.Map;

/** {@code BaseBackupPolicy}, polymorphic on {@code objectType}: {@link BackupPolicy} or {@link UnknownBackupPolicy}. */
@JsonDeserialize(using = BaseBackupPolicy.Deserializer.class)
public sealed interface BaseBackupPolicy permits BackupPolicy, UnknownBackupPolicy {

    String objectType();

    /** Tolerant reader; a missing objectType with {@code policyRules} is taken as {@link BackupPolicy}. */
    final class Deserializer extends ObjectTypeDeserializer<BaseBackupPolicy> {
        private static final long serialVersionUID = 1L;

        public Deserializer() {
            super(BaseBackupPolicy.class, Map.of(BackupPolicy.OBJECT_TYPE, BackupPolicy.class));
        }

        @Override
        protected Class<? extends BaseBackupPolicy> inferWhenMissing(ObjectNode node) {
            return node.has("policyRules") ? BackupPolicy.class : null;
        }

        @Override
        protected BaseBackupPolicy unknown(String objectType, Map<String, Object> properties, ObjectNode node) {
            return new UnknownBackupPolicy(objectType, properties);
        }
    }
}
