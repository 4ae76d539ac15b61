package io.azdp.model.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.UserFacingError;

/** {@code protectionStatus} of a backup instance ({@code ProtectionConfigured}, {@code ProtectionStopped}, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProtectionStatusDetails(UserFacingError errorDetails, String status) {
}
