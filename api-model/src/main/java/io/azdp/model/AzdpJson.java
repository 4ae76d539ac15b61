package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one JSON configuration of azdp: every module (client, mock server, CLI) reads and writes the wire model with
 * these settings. {@link #configure} applies them to a mapper someone else owns (a Quarkus {@code ObjectMapperCustomizer}).
 */
public final class AzdpJson {
    private static final ObjectMapper MAPPER = newMapper();
    private static final Pattern TOKEN = Pattern.compile("token `JsonToken\\.([A-Z_]+)`");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\((?:start marker at )?\\[Source:[^\\]]*\\][^)]*\\)|\\s*at \\[Source:.*$");

    private AzdpJson() {
    }

    /** A new mapper: Java time, ISO-8601 dates, unknown properties ignored (tolerant reader), nulls not written. */
    public static ObjectMapper newMapper() {
        return configure(JsonMapper.builder().build());
    }

    /** Applies the azdp settings to {@code mapper} and returns it. */
    public static <M extends ObjectMapper> M configure(M mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return mapper;
    }

    /** Reads {@code json} as {@code type}; bad input raises {@link InvalidJsonException} naming path and expectation. */
    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw new InvalidJsonException("$", "a JSON document", "$: expected a JSON document but got nothing");
        }
        return read(MAPPER.readerFor(type), r -> r.readValue(json));
    }

    /** Reads UTF-8 {@code json} as {@code type}. */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null) {
            throw new InvalidJsonException("$", "a JSON document", "$: expected a JSON document but got nothing");
        }
        return read(MAPPER.readerFor(type), r -> r.readValue(json));
    }

    /** Reads {@code json} as a generic type, e.g. {@code new TypeReference<List<TriggerBackupRequest>>() {}}. */
    public static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            throw new InvalidJsonException("$", "a JSON document", "$: expected a JSON document but got nothing");
        }
        return read(MAPPER.readerFor(type), r -> r.readValue(json));
    }

    /** Writes {@code value} as compact JSON with the azdp settings. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Converts a tree (e.g. an {@code additionalInfo[].info} object) to a model type with the azdp settings. */
    public static <T> T convert(JsonNode node, Class<T> type) {
        return read(MAPPER.readerFor(type), r -> r.readValue(node));
    }

    private interface ReadCall {
        Object read(ObjectReader reader) throws IOException;
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(ObjectReader reader, ReadCall call) {
        try {
            return (T) call.read(reader.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        } catch (StreamReadException e) {
            throw malformed(e);
        } catch (JsonMappingException e) {
            throw mapping(e);
        } catch (StreamConstraintsException e) {
            // nesting deeper than 1000, numbers or strings beyond the parser's limits: bad input, not an I/O failure
            throw new InvalidJsonException("$", "JSON within the parser's limits",
                    "$: the document is beyond the parser's limits: " + clean(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InvalidJsonException malformed(StreamReadException e) {
        return malformed(e, null);
    }

    private static InvalidJsonException malformed(StreamReadException e, String fallbackPath) {
        String path = fallbackPath == null ? "$" : fallbackPath;
        JsonParser p = e.getProcessor();
        if (p != null && p.getParsingContext() != null) {
            String fromParser = pointerToPath(p.getParsingContext());
            if (fallbackPath == null || fromParser.length() > fallbackPath.length()) {
                path = fromParser;
            }
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new InvalidJsonException(path, "well-formed JSON",
                path + ": malformed JSON" + where + ": " + clean(e.getOriginalMessage()));
    }

    private static InvalidJsonException mapping(JsonMappingException e) {
        String path = path(e.getPath());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof StreamReadException s) {
                return malformed(s, path);
            }
        }
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof ValidationException v) {
                return new InvalidJsonException(path, v.expected(), path + ": " + v.getMessage());
            }
        }
        if (e instanceof InvalidFormatException f) {
            String expected = describe(f.getTargetType());
            Object v = f.getValue();
            String got = v instanceof String s ? ValidationException.quote(s) : String.valueOf(v);
            return new InvalidJsonException(path, expected, path + ": expected " + expected + " but got " + got);
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("No content to map due to end-of-input")) {
            return new InvalidJsonException(path, "a JSON document", path + ": expected a JSON document but the input is empty");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String expected = describe(m.getTargetType());
            Matcher token = TOKEN.matcher(original);
            String got = token.find() ? describe(JsonToken.valueOf(token.group(1))) : null;
            if (got != null) {
                return new InvalidJsonException(path, expected, path + ": expected " + expected + " but got " + got);
            }
            return new InvalidJsonException(path, expected, path + ": expected " + expected + " (" + clean(original) + ")");
        }
        return new InvalidJsonException(path, "a value of the right type", path + ": " + clean(original));
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                appendField(sb, r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String pointerToPath(JsonStreamContext ctx) {
        ArrayDeque<JsonStreamContext> stack = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            stack.push(c);
        }
        StringBuilder sb = new StringBuilder("$");
        for (JsonStreamContext c : stack) {
            if (c.inObject() && c.getCurrentName() != null) {
                appendField(sb, c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                sb.append('[').append(c.getCurrentIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static void appendField(StringBuilder sb, String name) {
        if (name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            sb.append('.').append(name);
        } else {
            sb.append("['").append(name.replace("'", "\\'")).append("']");
        }
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class
                || type == OperationStatus.class || type == io.azdp.model.job.JobStatus.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean (true or false)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time such as 2024-04-01T10:15:30Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(type) || JsonNode.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY, END_ARRAY -> "an array";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "an unexpected value";
        };
    }

    /** First line of a Jackson message, without source/location details. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return SOURCE.matcher(line).replaceAll("").strip();
    }

}
