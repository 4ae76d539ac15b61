package io.azdp.cli.input;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * A format that exists only in the tests, to prove the plug-in contract: one class, annotated {@code @Singleton}, and
 * no other edit makes {@code --input-format ids} and the {@code .ids} extension work. One backup instance id a line.
 */
@Singleton
public class PlainIdsInputFormat implements InputFormat {

    @Override
    public String name() {
        return "ids";
    }

    @Override
    public List<String> extensions() {
        return List.of("ids");
    }

    @Override
    public int sniff(String content) {
        return 0;
    }

    @Override
    public List<InputRecord> readRecords(InputSource source) {
        List<InputRecord> records = new ArrayList<>();
        List<String> lines = source.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                records.add(new InputRecord(source.at(i + 1), JsonNodeFactory.instance.objectNode().put("id", line)));
            }
        }
        return records;
    }
}
