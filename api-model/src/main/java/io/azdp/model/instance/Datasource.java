package io.azdp.model.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code dataSourceInfo} / {@code dataSourceSetInfo} of a backup instance (objectType {@code Datasource} / {@code DatasourceSet}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Datasource(String datasourceType, String objectType, String resourceID, String resourceLocation,
        String resourceName, String resourceType, String resourceUri) {
}
