package io.azdp.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.azdp.model.AzdpJson;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** JSON Lines (NDJSON): one record per line, blank lines and lines starting with '#' ignored. */
@Singleton
@Unremovable
public class JsonLinesInputFormat implements InputFormat {
    private final ObjectMapper mapper = AzdpJson.newMapper();

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public List<String> extensions() {
        return List.of("jsonl", "ndjson");
    }

    @Override
    public int sniff(String content) {
        List<String> lines = content.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(5).toList();
        if (lines.size() < 2) {
            return 0;
        }
        boolean all = lines.stream().allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        return all ? 80 : 0;
    }

    @Override
    public List<InputRecord> readRecords(InputSource source) {
        List<InputRecord> records = new ArrayList<>();
        List<String> lines = source.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                JsonNode node = mapper.readTree(line);
                records.add(new InputRecord(source.at(i + 1), node));
            } catch (JsonProcessingException e) {
                throw new InputException(source.at(i + 1), null, "expected one JSON value per line: " + e.getOriginalMessage());
            }
        }
        return records;
    }
}
