package io.azdp.cli.output;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ANSI colours of {@code -o jsonc} and {@code -o yamlc}: keys, strings and other scalars apart, as az shows them. */
final class Colour {
    static final String KEY = "\u001b[94m";
    static final String STRING = "\u001b[32m";
    static final String LITERAL = "\u001b[33m";
    static final String RESET = "\u001b[0m";
    private static final Pattern YAML_KEY = Pattern.compile("(?m)^(\\s*(?:- )*)([^\\s#'\"\\-][^:\\n]*|\"[^\"\\n]*\"):(?=\\s|$)");

    private Colour() {
    }

    /** Colours pretty-printed JSON: a string followed by ':' is a key. */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 4);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, text.length());
                int next = end;
                while (next < text.length() && text.charAt(next) == ' ') {
                    next++;
                }
                boolean key = next < text.length() && text.charAt(next) == ':';
                out.append(key ? KEY : STRING).append(text, i, end).append(RESET);
                i = end;
            } else if (c == '-' || Character.isDigit(c) || c == 't' || c == 'f' || c == 'n') {
                int end = i;
                while (end < text.length() && ",\n ]}".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                out.append(LITERAL).append(text, i, end).append(RESET);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Colours YAML's mapping keys. */
    static String yaml(String text) {
        Matcher keys = YAML_KEY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (keys.find()) {
            keys.appendReplacement(sb, Matcher.quoteReplacement(keys.group(1) + KEY + keys.group(2) + RESET + ":"));
        }
        keys.appendTail(sb);
        return sb.toString();
    }
}
