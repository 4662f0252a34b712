package dev.tandem.agent.screen;

import java.util.Objects;

/**
 * How captured frames relate to the phone's own screen. A frame is either the phone's screen at its
 * own size, or a frame of a size a viewer asked for with the phone's screen scaled down to fit inside
 * it (aspect ratio kept, never enlarged), centred, the bars around it black. The frames are what
 * viewers see; {@link PhoneInput} takes phone pixels, so the agent maps every pointer position back
 * with {@link #phoneX}/{@link #phoneY}. The one definition of the fit: the phone draws with
 * {@link #scale()} at {@link #pictureX()}/{@link #pictureY()}, the agent maps back with the same
 * numbers. Immutable.
 */
public final class ScreenGeometry {
    private final ScreenSize phone;
    private final ScreenSize frame;
    private final double scale;
    private final int pictureX;
    private final int pictureY;
    private final int pictureWidth;
    private final int pictureHeight;

    private ScreenGeometry(ScreenSize phone, ScreenSize frame) {
        this.phone = phone;
        this.frame = frame;
        if (phone.equals(frame)) {
            scale = 1.0;
            pictureWidth = phone.width();
            pictureHeight = phone.height();
        } else {
            scale = Math.min(1.0, Math.min((double) frame.width() / phone.width(),
                    (double) frame.height() / phone.height()));
            pictureWidth = Math.max(1, Math.min(frame.width(), (int) Math.round(phone.width() * scale)));
            pictureHeight = Math.max(1, Math.min(frame.height(), (int) Math.round(phone.height() * scale)));
        }
        pictureX = (frame.width() - pictureWidth) / 2;
        pictureY = (frame.height() - pictureHeight) / 2;
    }

    /** Frames at the phone's own size: nothing is scaled. */
    public static ScreenGeometry natural(ScreenSize phone) {
        return new ScreenGeometry(Objects.requireNonNull(phone, "phone"), phone);
    }

    /** Frames of {@code frame} size showing a phone of {@code phone} size fitted inside. */
    public static ScreenGeometry fitted(ScreenSize phone, ScreenSize frame) {
        return new ScreenGeometry(Objects.requireNonNull(phone, "phone"), Objects.requireNonNull(frame, "frame"));
    }

    /** The phone's own screen, in the pixels {@link PhoneInput} takes (its orientation included). */
    public ScreenSize phone() {
        return phone;
    }

    /** The size of the frames: what the viewers' framebuffer is. */
    public ScreenSize frame() {
        return frame;
    }

    /** True when frames are the phone's screen at its own size. */
    public boolean isNatural() {
        return phone.equals(frame);
    }

    /** Frame pixels per phone pixel, at most 1. */
    public double scale() {
        return scale;
    }

    /** Left edge of the phone's picture in the frame. */
    public int pictureX() {
        return pictureX;
    }

    /** Top edge of the phone's picture in the frame. */
    public int pictureY() {
        return pictureY;
    }

    public int pictureWidth() {
        return pictureWidth;
    }

    public int pictureHeight() {
        return pictureHeight;
    }

    /** The phone column under frame column {@code x}; points on the bars go to the nearest edge. */
    public int phoneX(int x) {
        return toPhone(x - pictureX, pictureWidth, phone.width());
    }

    /** The phone row under frame row {@code y}; points on the bars go to the nearest edge. */
    public int phoneY(int y) {
        return toPhone(y - pictureY, pictureHeight, phone.height());
    }

    private static int toPhone(int inPicture, int pictureSide, int phoneSide) {
        if (pictureSide == phoneSide) {
            return Math.max(0, Math.min(phoneSide - 1, inPicture));
        }
        // The centre of the frame pixel, scaled back: column 0 of a half-size picture is phone column 0..1.
        long scaled = (long) Math.floor((inPicture + 0.5) * phoneSide / pictureSide);
        return (int) Math.max(0, Math.min(phoneSide - 1, scaled));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScreenGeometry && ((ScreenGeometry) o).phone.equals(phone)
                && ((ScreenGeometry) o).frame.equals(frame);
    }

    @Override
    public int hashCode() {
        return phone.hashCode() * 31 + frame.hashCode();
    }

    @Override
    public String toString() {
        return isNatural() ? "phone " + phone : "phone " + phone + " in frame " + frame + " at scale " + scale;
    }
}
