package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The ARM error body {@code {"error":{"code","message","target","details":[],"additionalInfo":[]}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudError(Error error) {

    public static CloudError of(String code, String message) {
        return of(code, message, null);
    }

    public static CloudError of(String code, String message, String target) {
        return new CloudError(new Error(code, message, target, List.of(), List.of()));
    }
}
