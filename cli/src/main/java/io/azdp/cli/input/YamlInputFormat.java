package io.azdp.cli.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.azdp.model.AzdpJson;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.List;

/** YAML: a whole request, or a list of records for bulk runs. */
@Singleton
@Unremovable
public class YamlInputFormat extends JacksonTreeFormat {
    private final ObjectMapper mapper = AzdpJson.configure(new YAMLMapper());

    @Override
    public String name() {
        return "yaml";
    }

    @Override
    public List<String> extensions() {
        return List.of("yaml", "yml");
    }

    @Override
    public int sniff(String content) {
        String t = content.stripLeading();
        if (t.startsWith("---") || t.startsWith("- ")) {
            return 70;
        }
        String firstLine = t.lines().findFirst().orElse("");
        return firstLine.matches("^[A-Za-z_][\\w-]*:(\\s.*)?$") ? 50 : 5;
    }

    @Override
    protected ObjectMapper mapper() {
        return mapper;
    }
}
