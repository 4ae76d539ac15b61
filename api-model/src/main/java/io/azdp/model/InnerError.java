package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.internal.Immutables;
import java.util.Map;

/** {@code InnerError} of a {@link UserFacingError}; the recursive {@code embeddedInnerError} is kept as a tree. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InnerError(Map<String, String> additionalInfo, String code, JsonNode embeddedInnerError) {
    public InnerError {
        additionalInfo = Immutables.map(additionalInfo);
    }
}
