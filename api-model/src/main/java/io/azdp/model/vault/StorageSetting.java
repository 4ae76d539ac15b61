package io.azdp.model.vault;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A vault storage setting, e.g. {@code VaultStore} / {@code LocallyRedundant}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorageSetting(String datastoreType, String type) {
}
