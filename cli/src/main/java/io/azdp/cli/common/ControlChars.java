package io.azdp.cli.common;

/**
 * Makes text from a server safe for a terminal: control characters (C0 but for nothing, DEL, C1, which includes the
 * 8-bit CSI) become visible {@code \\u001b} escapes, so an error body with escape sequences cannot recolour, move the
 * cursor, retitle the window or hide text (issue 15). The one helper every message that quotes a server goes through.
 */
public final class ControlChars {

    private ControlChars() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == '\u2028' || c == '\u2029'
                    || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
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
