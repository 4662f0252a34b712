package dev.tandem.device.screen;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenSource;
import dev.tandem.device.ScreenImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A screen that always shows one picture (for {@code --screen IMAGE}), at the picture's own size.
 * Thread-safe (immutable): {@link #capture()} always returns the same {@link Frame}.
 */
public final class StaticScreen implements ScreenSource {
    private final Frame frame;

    private StaticScreen(Frame frame) {
        this.frame = frame;
    }

    /**
     * Reads {@code image} once.
     *
     * @throws IllegalArgumentException when the file cannot be decoded as a picture
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static StaticScreen open(ScreenImage image) {
        BufferedImage picture;
        try {
            picture = ImageIO.read(image.path().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("The screen image " + image.path() + " cannot be read: " + e.getMessage(), e);
        }
        if (picture == null) {
            throw new IllegalArgumentException("The screen image " + image.path() + " is not a picture Java can decode;"
                    + " save it as a plain PNG or JPEG.");
        }
        return of(picture);
    }

    /** A screen showing {@code picture}; it is copied, so the caller may keep drawing on it. */
    public static StaticScreen of(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            argb[i] |= 0xFF000000; // the screen is opaque, whatever the picture's alpha
        }
        return new StaticScreen(Frame.wrap(width, height, argb));
    }

    @Override
    public int width() {
        return frame.width();
    }

    @Override
    public int height() {
        return frame.height();
    }

    @Override
    public Frame capture() {
        return frame;
    }
}
