package io.azdp.cli.input;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CSV with a header row, e.g. {@code id,ruleName,retentionTagOverride} or
 * {@code resourceGroupName,vaultName,backupInstanceName,ruleName}. Empty cells count as absent.
 */
@Singleton
@Unremovable
public class CsvInputFormat implements InputFormat {
    private final CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv");
    }

    @Override
    public int sniff(String content) {
        String first = content.stripLeading().lines().findFirst().orElse("");
        if (first.startsWith("{") || first.startsWith("[") || first.contains(": ")) {
            return 0;
        }
        return first.contains(",") ? 40 : 0;
    }

    @Override
    public List<InputRecord> readRecords(InputSource source) {
        List<InputRecord> records = new ArrayList<>();
        if (source.text().isBlank()) {
            return records;
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        // physical line of each non-blank line: row n (after the header) came from nonBlank[n]
        List<Integer> nonBlank = new ArrayList<>();
        List<String> lines = source.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                nonBlank.add(i + 1);
            }
        }
        int rowNumber = 0;
        try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema)
                .readValues(source.text())) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                rowNumber++;
                int line = rowNumber < nonBlank.size() ? nonBlank.get(rowNumber) : -1;
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                row.forEach((k, v) -> {
                    if (k != null && !k.isBlank() && v != null && !v.isBlank()) {
                        node.put(k.strip(), v.strip());
                    }
                });
                if (!node.isEmpty()) {
                    records.add(new InputRecord(source.at(line), node));
                }
            }
            return records;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new InputException(source.at(line), null, "expected CSV with a header row: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            throw new InputException(source.name(), null, "expected CSV with a header row: " + e.getMessage());
        }
    }
}
