package dev.tandem.android.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextEditTest {

    @Test
    void typedTextGoesInAtTheCursor() {
        TextEdit edit = TextEdit.apply("Helo", 3, 3, "l");
        assertThat(edit.text()).isEqualTo("Hello");
        assertThat(edit.cursor()).isEqualTo(4);
    }

    @Test
    void typedTextReplacesTheSelection() {
        assertThat(TextEdit.apply("Hello world", 6, 11, "Tandem").text()).isEqualTo("Hello Tandem");
    }

    @Test
    void backspaceDeletesTheCharacterBeforeTheCursorOrTheSelection() {
        assertThat(TextEdit.apply("abc", 3, 3, "\b").text()).isEqualTo("ab");
        assertThat(TextEdit.apply("abcdef", 1, 4, "\b").text()).isEqualTo("aef");
        assertThat(TextEdit.apply("", 0, 0, "\b\b").text()).isEmpty();
    }

    @Test
    void backspaceRemovesAWholeEmoji() {
        assertThat(TextEdit.apply("ok\uD83D\uDE00", 4, 4, "\b").text()).isEqualTo("ok");
    }

    @Test
    void aFieldWithoutCursorTypesAtTheEnd() {
        TextEdit edit = TextEdit.apply("abc", -1, -1, "d\bef");
        assertThat(edit.text()).isEqualTo("abcef");
        assertThat(edit.cursor()).isEqualTo(5);
    }

    @Test
    void deleteRemovesTheCharacterAfterTheCursorOrTheSelection() {
        TextEdit after = TextEdit.apply("Hola", 1, 1, String.valueOf(TextEdit.DELETE));
        assertThat(after.text()).isEqualTo("Hla");
        assertThat(after.cursor()).isEqualTo(1);
        assertThat(TextEdit.apply("Hola", 1, 3, String.valueOf(TextEdit.DELETE)).text()).isEqualTo("Ha");
        assertThat(TextEdit.apply("Hola", 4, 4, String.valueOf(TextEdit.DELETE)).text()).isEqualTo("Hola");
        assertThat(TextEdit.apply("a\uD83D\uDE00b", 1, 1, String.valueOf(TextEdit.DELETE)).text()).isEqualTo("ab");
    }
}
