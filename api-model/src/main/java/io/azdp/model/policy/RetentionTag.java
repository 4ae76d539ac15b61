package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A retention tag; {@code tagName} (e.g. {@code Default}, {@code Weekly}) is what {@code retentionTagOverride} takes. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetentionTag(String eTag, String id, String tagName) {
}
