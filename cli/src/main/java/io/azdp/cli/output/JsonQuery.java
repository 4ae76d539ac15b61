package io.azdp.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.azdp.model.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --query} language: a small JSON-path subset.
 * <ul>
 * <li>{@code a.b.c} - object members (names may contain letters, digits, '_', '-', '$', '@'; quote others as {@code "a b"})</li>
 * <li>{@code a[0]}, {@code a[-1]} - array element by index (negative counts from the end)</li>
 * <li>{@code a[*].name} - projection: applies the rest to every element and returns an array</li>
 * <li>a leading {@code $} or {@code $.} is allowed and ignored; an empty query returns the input</li>
 * </ul>
 * A member or index that does not exist yields {@code null}.
 */
public final class JsonQuery {

    private sealed interface Step permits Member, Index, Wildcard {
    }

    private record Member(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private final String text;
    private final List<Step> steps;

    private JsonQuery(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    public static JsonQuery parse(String query) {
        String q = query == null ? "" : query.strip();
        if (q.startsWith("$")) {
            q = q.substring(1);
            if (q.startsWith(".")) {
                q = q.substring(1);
            }
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        boolean expectName = true;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '[') {
                int end = q.indexOf(']', i);
                if (end < 0) {
                    throw invalid(query, "a closing ']' after position " + i);
                }
                String inside = q.substring(i + 1, end).strip();
                if (inside.equals("*")) {
                    steps.add(new Wildcard());
                } else {
                    try {
                        steps.add(new Index(Integer.parseInt(inside)));
                    } catch (NumberFormatException e) {
                        throw invalid(query, "an integer or '*' inside [], got '" + inside + "'");
                    }
                }
                i = end + 1;
                expectName = false;
            } else if (c == '.') {
                if (expectName) {
                    throw invalid(query, "a member name at position " + i);
                }
                i++;
                expectName = true;
                if (i >= q.length()) {
                    throw invalid(query, "a member name after the trailing '.'");
                }
            } else if (c == '"') {
                int end = q.indexOf('"', i + 1);
                if (end < 0) {
                    throw invalid(query, "a closing '\"' after position " + i);
                }
                steps.add(new Member(q.substring(i + 1, end)));
                i = end + 1;
                expectName = false;
            } else if (c == '*' && expectName) {
                steps.add(new Wildcard());
                i++;
                expectName = false;
            } else if (isNameChar(c)) {
                if (!expectName) {
                    throw invalid(query, "'.' or '[' at position " + i);
                }
                int start = i;
                while (i < q.length() && isNameChar(q.charAt(i))) {
                    i++;
                }
                steps.add(new Member(q.substring(start, i)));
                expectName = false;
            } else {
                throw invalid(query, "a member name, '.', '[index]' or '[*]' at position " + i + " but found '" + c + "'");
            }
        }
        return new JsonQuery(query, List.copyOf(steps));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$' || c == '@';
    }

    private static ValidationException invalid(String query, String expected) {
        return new ValidationException("--query", expected, "--query: expected " + expected + " in '" + query
                + "' (syntax: a.b, a[0], a[-1], a[*].b)");
    }

    public JsonNode apply(JsonNode root) {
        JsonNode result = apply(root, 0);
        return result == null || result.isMissingNode() ? JsonNodeFactory.instance.nullNode() : result;
    }

    private JsonNode apply(JsonNode node, int from) {
        JsonNode current = node;
        for (int s = from; s < steps.size(); s++) {
            if (current == null || current.isMissingNode() || current.isNull()) {
                return MissingNode.getInstance();
            }
            Step step = steps.get(s);
            if (step instanceof Member m) {
                current = current.isObject() ? current.get(m.name()) : null;
            } else if (step instanceof Index idx) {
                if (!current.isArray()) {
                    return MissingNode.getInstance();
                }
                int i = idx.index() < 0 ? current.size() + idx.index() : idx.index();
                current = current.get(i);
            } else {
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                Iterable<JsonNode> elements = current.isArray() || current.isObject() ? current::elements : List.of();
                for (JsonNode element : elements) {
                    JsonNode r = apply(element, s + 1);
                    if (r != null && !r.isMissingNode() && !r.isNull()) {
                        out.add(r);
                    }
                }
                return out;
            }
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    @Override
    public String toString() {
        return text;
    }
}
