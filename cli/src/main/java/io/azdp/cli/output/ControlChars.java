package io.azdp.cli.output;

/**
 * Makes text from a server safe for a terminal: control characters (C0 but for nothing, DEL, C1, which includes the
 * 8-bit CSI) become visible {@code \\u001b} escapes, so an error body with escape sequences cannot recolour, move the
 * cursor, retitle the window or hide text (issue 15). The one helper every message that quotes a server goes through.
 */
public final class ControlChars {

    private ControlChars() {
    }

    /** C0, DEL, C1 (8-bit CSI included), line/paragraph separators and bidi overrides: what a terminal acts on. */
    static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == '\u2028' || c == '\u2029'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }

    /**
     * Jackson escapes for JSON output: every {@link #isControl} character is written as a JSON {@code \\uXXXX} escape
     * (Jackson's default leaves DEL, C1 and the bidi controls raw), so printed JSON is terminal-safe and still parses
     * back to exactly the same strings.
     */
    static final com.fasterxml.jackson.core.io.CharacterEscapes JSON_ESCAPES = new com.fasterxml.jackson.core.io.CharacterEscapes() {
        private final int[] ascii = standardAsciiEscapesForJSON();

        {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return isControl(ch) ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch))
                    : null;
        }
    };

    /**
     * {@code node} with every control character but the newline in its strings and keys shown as a visible
     * {@code \\uXXXX}: for YAML, whose writer passes line separators and bidi controls through raw.
     */
    static com.fasterxml.jackson.databind.JsonNode visible(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText();
            return text.chars().anyMatch(c -> c != '\n' && isControl(c))
                    ? com.fasterxml.jackson.databind.node.TextNode.valueOf(visibleText(text)) : node;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .instance.arrayNode();
            node.forEach(e -> copy.add(visible(e)));
            return copy;
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(visibleText(e.getKey()), visible(e.getValue())));
            return copy;
        }
        return node;
    }

    private static String visibleText(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            if (c != '\n' && isControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append((char) c);
            }
        });
        return sb.toString();
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = isControl(c);
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (!control) {
                    sb.append(c);
                } else if (c == '\n' || c == '\r' || c == '\t') {
                    sb.append(' ');
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
