package dev.tandem.device.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.device.DeviceProfile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PhoneRendererTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 4, 9, 41);
    private final PhoneRenderer renderer = PhoneRenderer.create();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Not drawing what the open shade hides is only a saving: every pixel is the same, in both themes, over apps and home. */
    @Test
    void theOpenShadeLooksTheSameWhetherOrNotWhatItHidesWasDrawn() {
        ScreenGeometry natural = ScreenGeometry.natural(ScreenSize.of(1080, 2400));
        PhoneUi ui = PhoneUi.create(DeviceProfile.SAMSUNG);
        ui.swipe(540, 5, 540, 1500, 100);
        assertSamePixels(ui.state(), natural, "home");
        ui.softKey(dev.tandem.agent.screen.SoftKey.BACK);
        ui.tap(2 * 270 + 135, 1060 + 320 + 84); // Settings
        ui.swipe(540, 5, 540, 1500, 100);
        assertThat(ui.state().shadeOpen()).isTrue();
        assertSamePixels(ui.state(), natural, "Settings, light");
        ui.toggle(Setting.DARK_THEME);
        assertSamePixels(ui.state(), natural, "Settings, dark");
    }

    private void assertSamePixels(PhoneState state, ScreenGeometry geometry, String what) {
        int[] skipped = pixels(renderer.render(state, NOW, geometry, true));
        int[] whole = pixels(renderer.render(state, NOW, geometry, false));
        int differing = 0;
        int first = -1;
        int most = 0;
        for (int i = 0; i < whole.length; i++) {
            if (skipped[i] != whole[i]) {
                differing++;
                first = first < 0 ? i : first;
                for (int shift = 0; shift < 24; shift += 8) {
                    most = Math.max(most, Math.abs(((skipped[i] >> shift) & 0xFF) - ((whole[i] >> shift) & 0xFF)));
                }
            }
        }
        assertThat(differing).as("%s: pixels that differ (by up to %d), the first at %d,%d", what, most, first % 1080,
                first / 1080).isZero();
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
