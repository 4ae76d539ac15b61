package io.azdp.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.azdp.model.AzdpJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Quarkus' ObjectMapper writes the wire types exactly as api-model's own mapper does. */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        AzdpJson.configure(mapper);
    }
}
