package io.azdp.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.azdp.model.ValidationException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseError;
import io.burt.jmespath.parser.ParseException;

/**
 * The {@code --query} language: JMESPath, as in {@code az} (https://jmespath.org), through
 * {@code io.burt:jmespath-jackson}. {@code properties.status}, {@code [?properties.status=='Failed'].name},
 * {@code [].{name:name,status:properties.status}}, {@code length(@)} all work; a query that does not compile is a usage
 * error naming the position. A member that does not exist yields {@code null}.
 */
public final class JsonQuery {

    /** Made on first use: most runs have no --query and should not pay for the runtime's function table. */
    private static final class Runtime {
        static final JacksonRuntime INSTANCE = new JacksonRuntime();
    }

    private final String text;
    private final Expression<JsonNode> expression;

    private JsonQuery(String text, Expression<JsonNode> expression) {
        this.text = text;
        this.expression = expression;
    }

    /** Compiles {@code query}; an empty query selects the whole result. */
    public static JsonQuery parse(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return new JsonQuery("", null);
        }
        try {
            return new JsonQuery(q, Runtime.INSTANCE.compile(q));
        } catch (ParseException e) {
            throw invalid(q, e);
        } catch (JmesPathException e) {
            throw new ValidationException("--query", "a valid JMESPath expression",
                    "--query: expected a valid JMESPath expression, got '" + q + "': " + e.getMessage());
        }
    }

    private static ValidationException invalid(String query, ParseException e) {
        ParseError first = null;
        for (ParseError error : e) {
            first = error;
            break;
        }
        String detail = first == null ? e.getMessage()
                : first.message() + " at position " + first.position() + pointer(query, first.position());
        return new ValidationException("--query", "a valid JMESPath expression",
                "--query: expected a valid JMESPath expression: " + detail + " in '" + query + "'");
    }

    /** {@code (near 'xyz')}: the text from the position on, so the user sees where without counting. */
    private static String pointer(String query, int position) {
        if (position < 0 || position >= query.length()) {
            return " (the end)";
        }
        String rest = query.substring(position);
        return " (near '" + (rest.length() > 12 ? rest.substring(0, 12) + "..." : rest) + "')";
    }

    /**
     * Evaluates the query; {@code null} for a missing result. A query that compiles but cannot run on this data (a
     * function given the wrong type, e.g. {@code length(properties.status)} on a number) is a usage error too.
     */
    public JsonNode apply(JsonNode root) {
        if (expression == null) {
            return root;
        }
        JsonNode result;
        try {
            result = expression.search(root);
        } catch (JmesPathException e) {
            throw new ValidationException("--query", "a query that fits the result",
                    "--query: cannot evaluate '" + text + "' on this result: " + e.getMessage());
        }
        return result == null || result.isMissingNode() ? JsonNodeFactory.instance.nullNode() : result;
    }

    @Override
    public String toString() {
        return text;
    }
}
