package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.azdp.model.internal.LenientOffsetDateTimeDeserializer;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Body of {@code GET .../operationStatus/{id}} (any scope). While running the real service sends
 * {@code "status":"Inprogress"} and {@code "endTime":"0001-01-01T00:00:00Z"}. Times keep their offset; a
 * time without an offset is read as UTC.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationResource(String id, String name, OperationStatus status,
        @JsonDeserialize(using = LenientOffsetDateTimeDeserializer.class) OffsetDateTime startTime,
        @JsonDeserialize(using = LenientOffsetDateTimeDeserializer.class) OffsetDateTime endTime,
        Error error, OperationExtendedInfo properties) {

    /** The {@code jobId} of {@code properties} when it is an {@link OperationJobExtendedInfo}. */
    public Optional<String> jobId() {
        return properties instanceof OperationJobExtendedInfo j ? Optional.ofNullable(j.jobId()) : Optional.empty();
    }
}
