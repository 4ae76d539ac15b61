package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.azdp.model.internal.Immutables;
import java.util.List;
import java.util.Map;

/** DataProtection's {@code UserFacingError} (in {@code additionalInfo[].info}, job {@code errorDetails}, protection errors). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserFacingError(String code, String message, String target,
        @JsonProperty("isRetryable") Boolean isRetryable,
        @JsonProperty("isUserError") Boolean isUserError,
        List<String> recommendedAction, Map<String, String> properties, List<UserFacingError> details,
        InnerError innerError) {

    public UserFacingError {
        recommendedAction = Immutables.list(recommendedAction);
        properties = Immutables.map(properties);
        details = Immutables.list(details);
    }
}
