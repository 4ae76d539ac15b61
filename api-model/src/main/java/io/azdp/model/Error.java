package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.internal.Immutables;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The ARM {@code Error}: code, message, target, nested details and additional info. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Error(String code, String message, String target, List<Error> details,
        List<ErrorAdditionalInfo> additionalInfo) {

    public Error {
        details = Immutables.list(details);
        additionalInfo = Immutables.list(additionalInfo);
    }

    /** The first {@link UserFacingError} DataProtection put into {@code additionalInfo[].info}, if any. */
    public Optional<UserFacingError> userFacingError() {
        if (additionalInfo == null) {
            return Optional.empty();
        }
        return additionalInfo.stream()
                .filter(Objects::nonNull)
                .map(ErrorAdditionalInfo::userFacingError)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
