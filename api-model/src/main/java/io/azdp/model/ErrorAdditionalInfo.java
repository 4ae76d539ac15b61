package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** {@code additionalInfo[]} of an ARM error: a {@code type} and a free-form {@code info} object. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorAdditionalInfo(String type, JsonNode info) {

    /**
     * {@code info} as a {@link UserFacingError} when {@code type} is {@code UserFacingError} (any case) or, with no
     * type, when {@code info} is an object carrying a {@code code} or {@code message}; empty otherwise or when unreadable.
     */
    public Optional<UserFacingError> userFacingError() {
        if (info == null || !info.isObject()) {
            return Optional.empty();
        }
        boolean typed = type != null && type.equalsIgnoreCase("UserFacingError");
        boolean looksLike = type == null && (info.has("code") || info.has("message"));
        if (!typed && !looksLike) {
            return Optional.empty();
        }
        try {
            return Optional.of(AzdpJson.convert(info, UserFacingError.class));
        } catch (InvalidJsonException e) {
            return Optional.empty();
        }
    }
}
