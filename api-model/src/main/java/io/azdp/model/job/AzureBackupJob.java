package io.azdp.model.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.azdp.model.UserFacingError;
import io.azdp.model.internal.Immutables;
import java.time.Duration;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.azdp.model.internal.LenientOffsetDateTimeDeserializer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code AzureBackupJob}: the properties of a backup job. {@code duration} is kept as sent: the real service sends
 * ISO-8601 ({@code PT3M36.03S}), older examples {@code 00:00:00}; {@link #parsedDuration()} reads both.
 * While running, {@code endTime} is absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AzureBackupJob(String activityID, String backupInstanceFriendlyName, String backupInstanceId,
        String dataSourceId, String dataSourceLocation, String dataSourceName, String dataSourceSetName,
        String dataSourceType, String duration,
        @JsonDeserialize(using = LenientOffsetDateTimeDeserializer.class) OffsetDateTime endTime,
        List<UserFacingError> errorDetails,
        JobExtendedInfo extendedInfo, @JsonProperty("isUserTriggered") Boolean isUserTriggered, String operation,
        String operationCategory, String policyId, String policyName, Boolean progressEnabled, String progressUrl,
        String sourceResourceGroup, String sourceSubscriptionID,
        @JsonDeserialize(using = LenientOffsetDateTimeDeserializer.class) OffsetDateTime startTime, JobStatus status,
        String subscriptionId, List<String> supportedActions, String vaultName, String etag) {

    private static final Pattern TIME_SPAN =
            Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

    public AzureBackupJob {
        errorDetails = Immutables.list(errorDetails);
        supportedActions = Immutables.list(supportedActions);
    }

    /**
     * {@code duration} as a {@link Duration}: ISO-8601 ({@code PT3M36.03S}) or {@code [d.]hh:mm:ss[.fff]}; empty when
     * absent or in another format.
     */
    public Optional<Duration> parsedDuration() {
        if (duration == null || duration.isBlank()) {
            return Optional.empty();
        }
        String d = duration.strip();
        try {
            return Optional.of(Duration.parse(d));
        } catch (DateTimeParseException e) {
            return parseTimeSpan(d);
        }
    }

    private static Optional<Duration> parseTimeSpan(String d) {
        Matcher m = TIME_SPAN.matcher(d);
        if (!m.matches()) {
            return Optional.empty();
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        Duration r = Duration.ofDays(days).plusHours(Long.parseLong(m.group(2)))
                .plusMinutes(Long.parseLong(m.group(3))).plusSeconds(Long.parseLong(m.group(4)));
        if (m.group(5) != null) {
            String frac = (m.group(5) + "000000000").substring(0, 9);
            r = r.plusNanos(Long.parseLong(frac));
        }
        return Optional.of(r);
    }
}
