package dev.tandem.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import org.junit.jupiter.api.Test;

class DeviceProfileTest {

    @Test
    void samsungIsAGalaxyS23UltraThatCanDoEverything() {
        DeviceInfo info = DeviceProfile.SAMSUNG.deviceInfo();
        assertThat(info.manufacturer).isEqualTo("samsung");
        assertThat(info.model).isEqualTo("SM-S918B");
        assertThat(info.androidVersion).isEqualTo("14");
        assertThat(info.apiLevel).isEqualTo(34);
        assertThat(info.profile).isEqualTo("samsung");
        assertThat(DeviceProfile.SAMSUNG.marketingName()).isEqualTo("Galaxy S23 Ultra");
        assertEverythingAvailable(DeviceProfile.SAMSUNG.capabilities());
    }

    @Test
    void lgIsAVelvetThatCanDoEverything() {
        DeviceInfo info = DeviceProfile.LG.deviceInfo();
        assertThat(info.manufacturer).isEqualTo("LGE");
        assertThat(info.model).isEqualTo("LM-V600");
        assertThat(info.androidVersion).isEqualTo("13");
        assertThat(info.apiLevel).isEqualTo(33);
        assertThat(info.profile).isEqualTo("lg");
        assertEverythingAvailable(DeviceProfile.LG.capabilities());
    }

    @Test
    void genericPhoneIsChatOnlyAndSaysWhyToTheTechnician() {
        DeviceInfo info = DeviceProfile.GENERIC.deviceInfo();
        assertThat(info.manufacturer).isEqualTo("motorola");
        assertThat(info.model).isEqualTo("moto g54 5G");
        assertThat(info.profile).isEqualTo("generic");

        Capabilities capabilities = DeviceProfile.GENERIC.capabilities();
        assertThat(capabilities.chat.available).isTrue();
        assertThat(capabilities.diagnostics.available).isTrue();
        assertThat(capabilities.screen.available).isFalse();
        assertThat(capabilities.control.available).isFalse();
        assertThat(capabilities.screen.reason).contains("chat-only").contains("Samsung and LG");
        assertThat(capabilities.control.reason).isEqualTo(capabilities.screen.reason);
    }

    @Test
    void profilesAreNamedAsOnTheCommandLine() {
        assertThat(DeviceProfile.fromCliName("samsung")).contains(DeviceProfile.SAMSUNG);
        assertThat(DeviceProfile.fromCliName("LG")).contains(DeviceProfile.LG);
        assertThat(DeviceProfile.fromCliName(" generic ")).contains(DeviceProfile.GENERIC);
        assertThat(DeviceProfile.fromCliName("nokia")).isEmpty();
        assertThat(DeviceProfile.cliNames()).isEqualTo("samsung|lg|generic");
    }

    @Test
    void phoneReportsItsProfileAndKeepsTheScreenPictureForLater() throws Exception {
        java.nio.file.Path png = java.nio.file.Files.createTempFile("screen", ".png");
        try {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png", png.toFile());
            VirtualPhone phone = VirtualPhone.create(DeviceProfile.GENERIC, ScreenImage.open(png));
            assertThat(phone.profile()).isEqualTo(DeviceProfile.GENERIC);
            assertThat(phone.deviceInfo().model).isEqualTo("moto g54 5G");
            assertThat(phone.capabilities().screen.available).isFalse();
            assertThat(phone.screenImage()).map(ScreenImage::path).contains(png);
            assertThat(VirtualPhone.create(DeviceProfile.LG).screenImage()).isEmpty();
        } finally {
            java.nio.file.Files.deleteIfExists(png);
        }
    }

    private static void assertEverythingAvailable(Capabilities capabilities) {
        assertThat(capabilities.chat.available).isTrue();
        assertThat(capabilities.diagnostics.available).isTrue();
        assertThat(capabilities.screen.available).isTrue();
        assertThat(capabilities.control.available).isTrue();
        assertThat(capabilities.screen.reason).isNull();
    }
}
