package dev.tandem.agent.rfb.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScreenStreamInputTest {
    private static final int WHEEL_UP = 8;
    private static final int WHEEL_DOWN = 16;
    private static final int WHEEL_RIGHT = 64;

    private static StreamFixture controlled() throws Exception {
        return new StreamFixture(Frames.mixed(400, 800, 1)).grant(ConsentKind.SCREEN, ConsentKind.CONTROL);
    }

    @Test
    void aClickPutsTheFingerDownAndLiftsItWhereItWentDownEvenAfterASmallWobble() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(0, 5, 5);
            viewer.pointer(1, 10, 20);
            viewer.pointer(0, 10, 20);
            viewer.pointer(1, 100, 100);
            viewer.pointer(1, 110, 110);
            viewer.pointer(0, 110, 110);
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("down 10,20", "up 10,20", "down 100,100",
                    "up 100,100");
            assertThat(fixture.phone.wakes()).isEqualTo(2);
        }
    }

    @Test
    void aDragMovesTheFingerLiveWhileTheButtonIsHeld() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(1, 200, 600);
            viewer.pointer(1, 200, 450);
            viewer.sync();
            // The finger has moved on the phone before the button comes up.
            assertThat(fixture.phone.events()).containsExactly("down 200,600", "move 200,450");

            viewer.pointer(1, 200, 200);
            viewer.pointer(0, 200, 200);
            viewer.sync();
            assertThat(fixture.phone.events()).containsExactly("down 200,600", "move 200,450", "move 200,200",
                    "up 200,200");
        }
    }

    @Test
    void aHeldButtonKeepsTheFingerDownSoThePhoneSeesALongPress() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(1, 50, 60);
            viewer.sync();
            assertThat(fixture.phone.events()).containsExactly("down 50,60");

            viewer.pointer(0, 50, 60);
            viewer.sync();
            assertThat(fixture.phone.events()).containsExactly("down 50,60", "up 50,60");
        }
    }

    @Test
    void theWheelScrollsOneStepPerNotchAndIsIgnoredWhileTheFingerIsDown() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(WHEEL_DOWN, 300, 400);
            viewer.pointer(0, 300, 400);
            viewer.pointer(WHEEL_UP, 300, 400);
            viewer.pointer(0, 300, 400);
            viewer.pointer(WHEEL_RIGHT, 300, 400);
            viewer.pointer(0, 300, 400);
            viewer.pointer(1, 10, 10);
            viewer.pointer(1 | WHEEL_DOWN, 10, 10);
            viewer.pointer(0, 10, 10);
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("scroll 300,400 by 0,1", "scroll 300,400 by 0,-1",
                    "scroll 300,400 by 1,0", "down 10,10", "up 10,10");
        }
    }

    @Test
    void pointerOutsideTheScreenIsClampedToItsEdge() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(1, 5000, 6000);
            viewer.pointer(0, 5000, 6000);
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("down 399,799", "up 399,799");
        }
    }

    @Test
    void losingControlMidDragLiftsTheFingerAndAHeldButtonDoesNotTouchWhenControlReturns() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(1, 100, 100);
            viewer.pointer(1, 100, 300);
            viewer.sync();
            fixture.consent.release(ConsentKind.CONTROL);
            viewer.requestUpdate(true);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (fixture.phone.events().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(fixture.phone.events()).containsExactly("down 100,100", "move 100,300", "up 100,300");

            fixture.consent.record(ConsentKind.CONTROL, true);
            viewer.pointer(1, 100, 400);
            viewer.pointer(0, 100, 400);
            viewer.sync();
            assertThat(fixture.phone.events()).hasSize(3);
        }
    }

    @Test
    void aViewerLeavingMidPressLiftsTheFinger() throws Exception {
        try (StreamFixture fixture = controlled()) {
            StreamFixture.Session session = fixture.connect();
            TestViewer viewer = session.viewer.handshake();
            viewer.pointer(1, 20, 30);
            viewer.sync();
            viewer.close();
            session.stream.closed().get(5, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(fixture.phone.events()).containsExactly("down 20,30", "up 20,30");
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
    void arrowsTabShiftTabAndDeleteAreKeyboardKeys() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.key(KeysymInput.LEFT);
            viewer.key(KeysymInput.RIGHT);
            viewer.key(KeysymInput.UP);
            viewer.key(KeysymInput.KP_DOWN);
            viewer.key(KeysymInput.TAB);
            viewer.keyEvent(true, KeysymInput.SHIFT_L);
            viewer.key(KeysymInput.TAB);
            viewer.keyEvent(false, KeysymInput.SHIFT_L);
            viewer.key(KeysymInput.ISO_LEFT_TAB);
            viewer.key(KeysymInput.TAB);
            viewer.key(KeysymInput.DELETE);
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("key LEFT", "key RIGHT", "key UP", "key DOWN",
                    "key TAB", "key BACK_TAB", "key BACK_TAB", "key TAB", "key FORWARD_DELETE");
            assertThat(fixture.phone.wakes()).isEqualTo(9);
        }
    }

    @Test
    void ctrlShortcutsSelectCopyCutAndPasteButAltGrStillTypes() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.keyEvent(true, KeysymInput.CONTROL_L);
            viewer.key('a');
            viewer.key('c');
            viewer.key('X');
            viewer.key('v');
            viewer.key('z');
            viewer.keyEvent(true, KeysymInput.ALT_R); // AltGr on Windows is Ctrl+Alt
            viewer.key('@');
            viewer.key('v');
            viewer.keyEvent(false, KeysymInput.ALT_R);
            viewer.keyEvent(false, KeysymInput.CONTROL_L);
            viewer.key('v');
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("key SELECT_ALL", "key COPY", "key CUT", "key PASTE",
                    "type z", "type @", "type v", "type v");
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
    void clipboardTextFromTheViewerGoesOntoThePhonesClipboard() throws Exception {
        try (StreamFixture fixture = controlled()) {
            TestViewer viewer = fixture.viewer();
            viewer.cutText("Grüße\r\nline two");
            viewer.sync();

            assertThat(fixture.clipboard.put).containsExactly("Grüße\nline two");
            assertThat(fixture.phone.events()).isEmpty();
        }
    }

    @Test
    void withoutAClipboardTheViewersClipboardTextIsTyped() throws Exception {
        try (StreamFixture fixture = controlled().withoutClipboard()) {
            TestViewer viewer = fixture.viewer();
            viewer.cutText("Grüße\r\nline two");
            viewer.sync();

            assertThat(fixture.phone.events()).containsExactly("type Grüße\nline two");
        }
    }

    @Test
    void whatThePhoneCopiesReachesTheViewerOnlyWhileControlIsGranted() throws Exception {
        StreamFixture outer = new StreamFixture(Frames.mixed(400, 800, 1)).grant(ConsentKind.SCREEN);
        try (StreamFixture fixture = outer) {
            TestViewer viewer = fixture.viewer();
            viewer.sync();
            fixture.clipboard.copy("secret from the phone");
            assertThat(viewer.awaitCutText(Duration.ofMillis(300))).isNull();

            fixture.grant(ConsentKind.CONTROL);
            fixture.clipboard.copy("Código: 4711 ✓");
            assertThat(viewer.awaitCutText(Duration.ofSeconds(5))).isEqualTo("Código: 4711 ?");
            viewer.cutText("from the technician");
            viewer.sync();
            assertThat(fixture.clipboard.put).containsExactly("from the technician");
            assertThat(fixture.clipboard.watchers()).isEqualTo(1);
        }
        assertThat(outer.clipboard.watchers()).as("the ended stream stopped watching").isZero();
    }

    @Test
    void withoutControlNothingTouchesThePhone() throws Exception {
        try (StreamFixture fixture = new StreamFixture(Frames.mixed(400, 800, 1)).grant(ConsentKind.SCREEN)) {
            TestViewer viewer = fixture.viewer();
            viewer.pointer(1, 10, 10);
            viewer.pointer(0, 10, 10);
            viewer.pointer(WHEEL_DOWN, 10, 10);
            viewer.key('a');
            viewer.key(KeysymInput.TAB);
            viewer.cutText("paste");
            viewer.sync();

            assertThat(fixture.phone.events()).isEmpty();
            assertThat(fixture.phone.wakes()).isZero();
            assertThat(fixture.clipboard.put).isEmpty();
        }
    }
}
