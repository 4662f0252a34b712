package dev.tandem.agent.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScreenGeometryTest {
    private static final ScreenSize PHONE = ScreenSize.of(1080, 2400);

    @Test
    void atThePhonesOwnSizePositionsAreThePhonesClampedToTheScreen() {
        ScreenGeometry natural = ScreenGeometry.natural(PHONE);
        assertThat(natural.isNatural()).isTrue();
        assertThat(natural.scale()).isEqualTo(1.0);
        assertThat(natural.phoneX(500)).isEqualTo(500);
        assertThat(natural.phoneY(2400)).isEqualTo(2399);
    }

    @Test
    void aTallWindowGetsThePhoneFittedToItsWidthAndCentredVertically() {
        ScreenGeometry g = ScreenGeometry.fitted(PHONE, ScreenSize.of(450, 1200));
        assertThat(g.scale()).isEqualTo(450.0 / 1080);
        assertThat(g.pictureWidth()).isEqualTo(450);
        assertThat(g.pictureHeight()).isEqualTo(1000);
        assertThat(g.pictureX()).isZero();
        assertThat(g.pictureY()).isEqualTo(100);
        assertThat(g.phoneX(225)).isEqualTo(541);
        assertThat(g.phoneY(100)).as("the picture's first row").isEqualTo(1);
        assertThat(g.phoneY(20)).as("on the bar above: the phone's top edge").isZero();
        assertThat(g.phoneY(1190)).as("on the bar below: the bottom edge").isEqualTo(2399);
    }

    @Test
    void theRequestedHeightOfTheBenchGivesAnExactHalf() {
        ScreenGeometry g = ScreenGeometry.fitted(PHONE, ScreenSize.of(540, 1200));
        assertThat(g.scale()).isEqualTo(0.5);
        assertThat(g.pictureX()).isZero();
        assertThat(g.pictureY()).isZero();
        assertThat(g.phoneX(0)).isEqualTo(1);
        assertThat(g.phoneX(539)).isEqualTo(1079);
    }

    @Test
    void aFrameLargerThanThePhoneNeverEnlargesIt() {
        ScreenGeometry g = ScreenGeometry.fitted(PHONE, ScreenSize.of(3000, 3000));
        assertThat(g.scale()).isEqualTo(1.0);
        assertThat(g.pictureX()).isEqualTo(960);
        assertThat(g.phoneX(960 + 10)).isEqualTo(10);
    }

    @Test
    void sizesOutsideWhatRfbCarriesAreRefused() {
        assertThatThrownBy(() -> ScreenSize.of(0, 10)).hasMessageContaining("0x10");
        assertThatThrownBy(() -> ScreenSize.of(10, 65536)).hasMessageContaining("1..65535");
        assertThat(ScreenSize.of(100, 200).covers(ScreenSize.of(100, 199))).isTrue();
        assertThat(ScreenSize.of(100, 200).covers(ScreenSize.of(101, 10))).isFalse();
    }
}
