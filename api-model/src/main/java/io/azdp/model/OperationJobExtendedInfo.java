package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Result of an adhoc backup: the backup job it started. {@code jobId} is kept as sent: the real service sends the full
 * ARM id of the job, the spec examples a bare (sometimes not even valid) GUID; use {@link io.azdp.model.id.JobId#parse}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"jobId", "objectType"})
@JsonDeserialize(using = JsonDeserializer.None.class)
public record OperationJobExtendedInfo(String jobId) implements OperationExtendedInfo {
    public static final String OBJECT_TYPE = "OperationJobExtendedInfo";

    @Override
    @JsonProperty("objectType")
    public String objectType() {
        return OBJECT_TYPE;
    }
}
