package io.azdp.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** Loads the hand-written fixtures under {@code src/test/resources/fixtures}. */
public final class TestFixtures {
    private TestFixtures() {
    }

    public static String text(String name) {
        try (InputStream in = TestFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String name, Class<T> type) {
        return AzdpJson.read(text(name), type);
    }

    public static JsonNode tree(String json) {
        try {
            return AzdpJson.newMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Structural JSON equality where 1 and 1.0 are the same number. */
    public static boolean sameJson(String a, String b) {
        Comparator<JsonNode> numbers = (x, y) -> {
            if (x.equals(y)) {
                return 0;
            }
            if (x.isNumber() && y.isNumber()) {
                return x.decimalValue().compareTo(y.decimalValue());
            }
            return 1;
        };
        return tree(a).equals(numbers, tree(b));
    }

    /** Occurrences of {@code "needle"} as a JSON field name in {@code json}. */
    public static int countField(String json, String needle) {
        String key = "\"" + needle + "\":";
        int n = 0;
        for (int i = json.indexOf(key); i >= 0; i = json.indexOf(key, i + key.length())) {
            n++;
        }
        return n;
    }
}
