package io.azdp.cli.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.azdp.model.AzdpJson;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.List;

/** JSON: a whole request, or an array of records for bulk runs. */
@Singleton
@Unremovable
public class JsonInputFormat extends JacksonTreeFormat {
    private final ObjectMapper mapper = AzdpJson.newMapper();

    @Override
    public String name() {
        return "json";
    }

    @Override
    public List<String> extensions() {
        return List.of("json");
    }

    @Override
    public int sniff(String content) {
        String t = content.stripLeading();
        return t.startsWith("{") || t.startsWith("[") ? 60 : 0;
    }

    @Override
    protected ObjectMapper mapper() {
        return mapper;
    }
}
