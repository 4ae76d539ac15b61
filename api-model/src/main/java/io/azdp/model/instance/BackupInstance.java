package io.azdp.model.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.UserFacingError;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code BackupInstance}: what is protected, by which policy, and in which state. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupInstance(String friendlyName, Datasource dataSourceInfo, Datasource dataSourceSetInfo,
        PolicyInfo policyInfo, ProtectionStatusDetails protectionStatus, String currentProtectionState,
        UserFacingError protectionErrorDetails, String provisioningState, String objectType) {

    /** States (of {@code protectionStatus.status} or {@code currentProtectionState}) in which no adhoc backup can run. */
    public static final Set<String> ADHOC_BLOCKING_STATES = Set.of("ProtectionStopped", "SoftDeleted", "SoftDeleting",
            "ConfiguringProtectionFailed", "NotProtected", "ProtectionError", "Invalid");

    private static final Set<String> BLOCKING_KEYS = ADHOC_BLOCKING_STATES.stream()
            .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    /**
     * False when {@code protectionStatus.status} or {@code currentProtectionState} is one of
     * {@link #ADHOC_BLOCKING_STATES} (case-insensitive); true otherwise (also when the service says nothing).
     */
    public boolean allowsAdhocBackup() {
        return blockingState().isEmpty();
    }

    /** The state that forbids an adhoc backup, for messages; empty when {@link #allowsAdhocBackup()}. */
    public Optional<String> blockingState() {
        String status = protectionStatus == null ? null : protectionStatus.status();
        if (status != null && BLOCKING_KEYS.contains(status.toLowerCase(Locale.ROOT))) {
            return Optional.of(status);
        }
        if (currentProtectionState != null && BLOCKING_KEYS.contains(currentProtectionState.toLowerCase(Locale.ROOT))) {
            return Optional.of(currentProtectionState);
        }
        return Optional.empty();
    }
}
