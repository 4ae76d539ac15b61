package io.azdp.model.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azdp.model.internal.ObjectTypeDeserializer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule of a backup policy, polymorphic on {@code objectType}: {@link AzureBackupRule} (the only kind an adhoc
 * backup may name), {@link AzureRetentionRule}, or {@link UnknownPolicyRule}.
 */
@JsonDeserialize(using = BasePolicyRule.Deserializer.class)
public sealed interface BasePolicyRule permits AzureBackupRule, AzureRetentionRule, UnknownPolicyRule {

    String name();

    String objectType();

    /** Tolerant reader for policy rules. */
    final class Deserializer extends ObjectTypeDeserializer<BasePolicyRule> {
        private static final long serialVersionUID = 1L;

        public Deserializer() {
            super(BasePolicyRule.class, Map.of(AzureBackupRule.OBJECT_TYPE, AzureBackupRule.class,
                    AzureRetentionRule.OBJECT_TYPE, AzureRetentionRule.class));
        }

        @Override
        protected BasePolicyRule unknown(String objectType, Map<String, Object> properties, ObjectNode node) {
            Map<String, Object> rest = new LinkedHashMap<>(properties);
            Object name = rest.remove("name");
            return new UnknownPolicyRule(objectType, name == null ? null : String.valueOf(name), rest);
        }
    }
}
