package io.azdp.cli.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Shared reading for the tree formats (JSON, YAML): one document, or an array/list of records. */
abstract class JacksonTreeFormat implements InputFormat {

    protected abstract ObjectMapper mapper();

    @Override
    public JsonNode readDocument(InputSource source) {
        if (source.text().isBlank()) {
            throw new InputException(source.name(), null, "expected a " + name() + " document but the input is empty");
        }
        try (JsonParser parser = mapper().createParser(source.text())) {
            JsonNode node = mapper().readTree(parser);
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw new InputException(source.name(), null, "expected a " + name() + " document but the input is empty");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new InputException(source.at(parser.currentTokenLocation().getLineNr()), null,
                        "expected the end of the " + name() + " document but found more content");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw syntax(source, e);
        } catch (IOException e) {
            throw new InputException(source.name(), null, "could not read " + name() + ": " + e.getMessage());
        }
    }

    @Override
    public List<InputRecord> readRecords(InputSource source) {
        List<InputRecord> records = new ArrayList<>();
        try (JsonParser parser = mapper().createParser(source.text())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return records;
            }
            if (first == JsonToken.START_OBJECT) {
                int line = parser.currentTokenLocation().getLineNr();
                records.add(new InputRecord(source.at(line), mapper().readTree(parser)));
                return records;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new InputException(source.at(parser.currentTokenLocation().getLineNr()), null,
                        "expected a list of records (objects or id strings) but found " + first.asString());
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                JsonLocation location = parser.currentTokenLocation();
                JsonNode node = mapper().readTree(parser);
                records.add(new InputRecord(source.at(location.getLineNr()), node));
            }
            return records;
        } catch (JsonProcessingException e) {
            throw syntax(source, e);
        } catch (IOException e) {
            throw new InputException(source.name(), null, "could not read " + name() + ": " + e.getMessage());
        }
    }

    protected InputException syntax(InputSource source, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? -1 : location.getLineNr();
        return new InputException(source.at(line), null, "expected valid " + name() + ": " + e.getOriginalMessage());
    }
}
