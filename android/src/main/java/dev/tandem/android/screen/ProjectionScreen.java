package dev.tandem.android.screen;

import android.graphics.PixelFormat;
import android.hardware.display.DisplayManager;
import android.hardware.display.VirtualDisplay;
import android.media.Image;
import android.media.ImageReader;
import android.media.projection.MediaProjection;
import android.os.Handler;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenSource;
import java.util.Arrays;

/**
 * The agent's {@link ScreenSource} on a real phone. Until a MediaProjection is {@link #attach}ed (the
 * customer agreed in Android's own dialog) it shows a black screen of the phone's size; then a
 * VirtualDisplay mirrors the screen into an ImageReader and {@link #capture()} takes the newest image
 * only when one arrived (Android produces none while nothing changes), so an idle screen costs
 * nothing.
 *
 * <p>When the phone rotates, {@link #resize} follows it on the same VirtualDisplay ({@code resize} and
 * a new ImageReader's surface: Android 14 allows one {@code createVirtualDisplay} per projection), and
 * the next frame has the new size, which the agent announces to viewers as a DesktopSize change.
 * Thread-safe: the stream's update thread captures while the service attaches, resizes and detaches.
 */
public final class ProjectionScreen implements ScreenSource {
    private static final int MAX_IMAGES = 2;

    private int width;
    private int height;
    private int densityDpi;
    private Frame black;
    private Frame last;
    private ImageReader reader;
    private VirtualDisplay display;

    public ProjectionScreen(int width, int height, int densityDpi) {
        this.width = width;
        this.height = height;
        this.densityDpi = densityDpi;
        this.black = blackFrame(width, height);
        this.last = black;
    }

    /** Starts mirroring the screen through {@code projection}; {@code handler} runs the projection's callbacks. */
    public synchronized void attach(MediaProjection projection, Handler handler) {
        detach();
        reader = ImageReader.newInstance(width, height, PixelFormat.RGBA_8888, MAX_IMAGES);
        display = projection.createVirtualDisplay("Tandem", width, height, densityDpi,
                DisplayManager.VIRTUAL_DISPLAY_FLAG_AUTO_MIRROR, reader.getSurface(), null, handler);
    }

    /**
     * The phone's screen is now {@code newWidth} x {@code newHeight} (it rotated): the capture follows
     * on the same VirtualDisplay. Does nothing when the size is the same.
     */
    public synchronized void resize(int newWidth, int newHeight, int newDensityDpi) {
        if (newWidth == width && newHeight == height && newDensityDpi == densityDpi) {
            return;
        }
        width = newWidth;
        height = newHeight;
        densityDpi = newDensityDpi;
        black = blackFrame(width, height);
        if (display == null) {
            last = black;
            return;
        }
        ImageReader old = reader;
        reader = ImageReader.newInstance(width, height, PixelFormat.RGBA_8888, MAX_IMAGES);
        display.resize(width, height, densityDpi);
        display.setSurface(reader.getSurface());
        old.close();
    }

    /** Stops mirroring; the screen is black again until the next {@link #attach}. */
    public synchronized void detach() {
        if (display != null) {
            display.release();
            display = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
        last = black;
    }

    public synchronized boolean isAttached() {
        return reader != null;
    }

    @Override
    public synchronized int width() {
        return width;
    }

    @Override
    public synchronized int height() {
        return height;
    }

    @Override
    public synchronized Frame capture() {
        if (reader == null) {
            return last;
        }
        Image image;
        try {
            image = reader.acquireLatestImage();
        } catch (IllegalStateException tooManyImages) {
            return last;
        }
        if (image == null) {
            return last; // nothing new since the last capture: the same instance, as ScreenSource asks
        }
        try {
            if (image.getWidth() != width || image.getHeight() != height) {
                return last; // drawn before a resize reached the display
            }
            Image.Plane plane = image.getPlanes()[0];
            last = Frame.wrap(width, height,
                    RgbaPixels.toArgb(plane.getBuffer(), width, height, plane.getPixelStride(), plane.getRowStride()));
            return last;
        } finally {
            image.close();
        }
    }

    private static Frame blackFrame(int width, int height) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFF000000);
        return Frame.wrap(width, height, pixels);
    }
}
