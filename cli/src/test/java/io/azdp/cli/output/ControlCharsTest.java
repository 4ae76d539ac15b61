package io.azdp.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ControlCharsTest {

    @Test
    void escapeSequencesBecomeVisible() {
        assertThat(ControlChars.escape("a\u001b[31mred\u001b]0;title\u0007\u009b2J\u202eb"))
                .isEqualTo("a\\u001b[31mred\\u001b]0;title\\u0007\\u009b2J\\u202eb");
        assertThat(ControlChars.escape("line1\nline2\ttab")).isEqualTo("line1 line2 tab");
        assertThat(ControlChars.escape("plain ü €")).isEqualTo("plain ü €");
    }

    @Property(tries = 500)
    void nothingATerminalWouldInterpretSurvives(@ForAll String text) {
        String out = ControlChars.escape(text);
        assertThat(out.chars()).noneMatch(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f);
    }
}
