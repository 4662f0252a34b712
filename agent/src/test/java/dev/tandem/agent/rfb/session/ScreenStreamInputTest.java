package dev.tandem.agent.rfb.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import org.junit.jupiter.api.Test;

class ScreenStreamInputTest {

    private static StreamFixture controlled() throws Exception {
        return new StreamFixture(Frames.mixed(400, 800, 1)).grant(ConsentKind.SCREEN, ConsentKind.CONTROL);
    }

    @Test
    void shortClickIsATapAndASmallWobbleStaysATap() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(0, 5, 5);
            viewer.pointer(1, 10, 20);
            viewer.pointer(0, 10, 20);
            viewer.pointer(1, 100, 100);
            viewer.pointer(1, 110, 110);
            viewer.pointer(0, 110, 110);
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("tap 10,20", "tap 100,100");
        }
    }

    @Test
    void pressDragReleaseIsASwipeFromPressToRelease() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(1, 200, 600);
            viewer.pointer(1, 200, 450);
            viewer.pointer(1, 200, 200);
            viewer.pointer(0, 200, 200);
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("swipe 200,600->200,200");
            assertThat(fixture.phone.lastSwipeMillis()).isBetween(PointerGestures.MIN_SWIPE_MILLIS,
                    PointerGestures.MAX_SWIPE_MILLIS);
        }
    }

    @Test
    void pressHeldWithoutMovingIsALongPressOnRelease() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(1, 50, 60);
            viewer.out().flush();
            Thread.sleep(StreamFixture.SETTINGS.longPress().toMillis() + 100);
            viewer.pointer(0, 50, 60);
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("longPress 50,60");
        }
    }

    @Test
    void pointerOutsideTheScreenIsClampedToItsEdge() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(1, 5000, 6000);
            viewer.pointer(0, 5000, 6000);
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("tap 399,799");
        }
    }

    @Test
    void navigationKeysBecomeBackHomeAndRecents() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.key(KeysymInput.ESCAPE);
            viewer.key(KeysymInput.XF86_BACK);
            viewer.key(KeysymInput.HOME);
            viewer.key(KeysymInput.XF86_HOME_PAGE);
            viewer.key(KeysymInput.MENU);
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("softKey BACK", "softKey BACK", "softKey HOME",
                    "softKey HOME", "softKey RECENTS");
        }
    }

    @Test
    void printableLatin1AndUnicodeKeysTypeTheirCharacterAndOtherKeysAreIgnored() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.key('H');
            viewer.key(0xE9);
            viewer.key(KeysymInput.UNICODE_BASE + 0x20AC);
            viewer.key(KeysymInput.BACKSPACE);
            viewer.key(KeysymInput.RETURN);
            viewer.key(KeysymInput.KP_ENTER);
            viewer.key(0xFFE1);
            viewer.key(0xFFBE);
            viewer.keyEvent(false, 'x');
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("type H", "type é", "type €", "type \b", "type \n",
                    "type \n");
        }
    }

    @Test
    void clipboardTextFromTheViewerIsTyped() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.cutText("Grüße\r\nline two");
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("type Grüße\nline two");
        }
    }
}
