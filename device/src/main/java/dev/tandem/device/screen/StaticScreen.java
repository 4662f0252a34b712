package dev.tandem.device.screen;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenSource;
import dev.tandem.device.ScreenImage;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A screen that always shows one picture (for {@code --screen IMAGE}), at the picture's own size or
 * scaled to fit the size a viewer asked for. Thread-safe: {@link #capture()} returns the same
 * {@link Frame} until the size changes; the scaled picture is made once per size, at the next capture.
 */
public final class StaticScreen implements ScreenSource {
    private final Frame picture;
    private final BufferedImage image;
    private final Object lock = new Object();
    private final CaptureSize size;
    // Guarded by lock.
    private ScreenGeometry geometry;
    private Frame frame;

    private StaticScreen(Frame picture, BufferedImage image) {
        this.picture = picture;
        this.image = image;
        ScreenSize phone = ScreenSize.of(picture.width(), picture.height());
        this.geometry = ScreenGeometry.natural(phone);
        this.size = new CaptureSize(phone);
        this.frame = picture;
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
        BufferedImage opaque = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        opaque.setRGB(0, 0, width, height, argb, 0, width);
        return new StaticScreen(Frame.wrap(width, height, argb), opaque);
    }

    @Override
    public ScreenGeometry geometry() {
        synchronized (lock) {
            return geometry;
        }
    }

    @Override
    public Frame capture() {
        synchronized (lock) {
            ScreenGeometry target = size.target();
            if (!target.equals(geometry)) {
                frame = target.isNatural() ? picture : scaled(target);
                geometry = target;
            }
            return frame;
        }
    }

    @Override
    public boolean resize(ScreenSize frame) {
        size.resize(frame);
        return true;
    }

    @Override
    public void resizeToPhone() {
        size.resizeToPhone();
    }

    @Override
    public void watch(Runnable changed) {
        size.watch(changed);
    }

    /** The picture fitted into the frame by area averaging (a photo shrunk by 2.4x must not alias). */
    private Frame scaled(ScreenGeometry target) {
        ScreenSize size = target.frame();
        BufferedImage out = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            Image smaller = image.getScaledInstance(target.pictureWidth(), target.pictureHeight(), Image.SCALE_AREA_AVERAGING);
            g.drawImage(smaller, target.pictureX(), target.pictureY(), null);
        } finally {
            g.dispose();
        }
        int[] argb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < argb.length; i++) {
            argb[i] |= 0xFF000000;
        }
        return Frame.wrap(size.width(), size.height(), argb);
    }
}
