package dev.tandem.android.screen;

import android.graphics.PixelFormat;
import android.hardware.display.DisplayManager;
import android.hardware.display.VirtualDisplay;
import android.media.Image;
import android.media.ImageReader;
import android.media.projection.MediaProjection;
import android.os.Handler;
import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;
import java.util.Arrays;

/**
 * The agent's {@link ScreenSource} on a real phone. Until a MediaProjection is {@link #attach}ed (the
 * customer agreed in Android's own dialog) it shows a black screen; then a VirtualDisplay mirrors the
 * screen into an ImageReader, and {@link #capture()} takes the newest image only when one arrived
 * (Android produces none while nothing changes; each one wakes the viewers through {@link #watch}).
 *
 * <p><b>Sizes.</b> The capture is made at the size the viewer asked for ({@link #resize}, e.g. the
 * console's picture area): the auto-mirroring VirtualDisplay draws the phone scaled and centred in it,
 * which is exactly {@link ScreenGeometry#fitted}; so a 450x1000 view costs a 450x1000 frame, not the
 * phone's 1440x3200 (18 MB of ints per frame). Sizes change on the one VirtualDisplay ({@code resize}
 * and a new ImageReader's surface): Android 14 allows one {@code createVirtualDisplay} per projection.
 * When the phone rotates ({@link #phoneRotated}) frames at the phone's own size turn with it (the
 * viewer gets a new desktop size); frames at a viewer's size keep it and the turned screen is fitted
 * in anew. The geometry switches together with the first frame of the new size.
 *
 * <p>Thread-safe: the viewers' update threads capture while the service attaches, resizes, rotates and
 * detaches; the watcher is called outside the lock.
 */
public final class ProjectionScreen implements ScreenSource {
    private static final int MAX_IMAGES = 2;

    private ScreenSize phone;
    private int densityDpi;
    /** The viewer's size, or null for the phone's own. */
    private ScreenSize wanted;
    /** Describes {@link #last}: what capture() returns now. */
    private ScreenGeometry geometry;
    /** What the display was set up for, until its first frame arrives; null when none is awaited. */
    private ScreenGeometry coming;
    private Frame last;
    private ImageReader reader;
    private VirtualDisplay display;
    private Handler handler;
    private volatile Runnable watcher = () -> { };

    public ProjectionScreen(int width, int height, int densityDpi) {
        this.phone = ScreenSize.of(width, height);
        this.densityDpi = densityDpi;
        this.geometry = ScreenGeometry.natural(phone);
        this.last = black(phone);
    }

    /** Starts mirroring the screen through {@code projection}; {@code handler} runs the projection's callbacks. */
    public synchronized void attach(MediaProjection projection, Handler callbacks) {
        detach();
        handler = callbacks;
        ScreenSize size = target();
        reader = newReader(size);
        display = projection.createVirtualDisplay("Tandem", size.width(), size.height(), densityDpi,
                DisplayManager.VIRTUAL_DISPLAY_FLAG_AUTO_MIRROR, reader.getSurface(), null, handler);
        coming = wanted == null ? ScreenGeometry.natural(phone) : ScreenGeometry.fitted(phone, wanted);
    }

    /** Stops mirroring; the screen is black again until the next {@link #attach}. */
    public void detach() {
        synchronized (this) {
            if (display != null) {
                display.release();
                display = null;
            }
            if (reader != null) {
                reader.close();
                reader = null;
            }
            coming = null;
            geometry = wanted == null ? ScreenGeometry.natural(phone) : ScreenGeometry.fitted(phone, wanted);
            last = black(geometry.frame());
        }
        watcher.run();
    }

    public synchronized boolean isAttached() {
        return reader != null;
    }

    @Override
    public boolean resize(ScreenSize frame) {
        setWanted(frame);
        return true;
    }

    @Override
    public void resizeToPhone() {
        setWanted(null);
    }

    /** The phone's display turned (or changed size): the capture follows it. */
    public void phoneRotated(int width, int height, int newDensityDpi) {
        synchronized (this) {
            ScreenSize turned = ScreenSize.of(width, height);
            if (turned.equals(phone) && newDensityDpi == densityDpi) {
                return;
            }
            phone = turned;
            densityDpi = newDensityDpi;
        }
        setWanted(currentWanted());
    }

    @Override
    public void watch(Runnable changed) {
        watcher = changed;
    }

    @Override
    public synchronized ScreenGeometry geometry() {
        return geometry;
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
            ScreenGeometry describes = coming != null ? coming : geometry;
            ScreenSize size = describes.frame();
            if (image.getWidth() != size.width() || image.getHeight() != size.height()) {
                return last; // drawn before the display took its new size
            }
            Image.Plane plane = image.getPlanes()[0];
            last = Frame.wrap(size.width(), size.height(), RgbaPixels.toArgb(plane.getBuffer(), size.width(),
                    size.height(), plane.getPixelStride(), plane.getRowStride()));
            geometry = describes; // the frame and its geometry switch together
            coming = null;
            return last;
        } finally {
            image.close();
        }
    }

    private synchronized ScreenSize currentWanted() {
        return wanted;
    }

    /** The frame size to capture at: the viewer's, or the phone's own. */
    private ScreenSize target() {
        return wanted == null ? phone : wanted;
    }

    private void setWanted(ScreenSize frame) {
        synchronized (this) {
            wanted = frame;
            ScreenGeometry next = frame == null ? ScreenGeometry.natural(phone) : ScreenGeometry.fitted(phone, frame);
            if (display == null) {
                // Nothing is captured: the black screen takes the new size at once.
                geometry = next;
                last = black(next.frame());
            } else {
                ScreenSize size = next.frame();
                if (!size.equals((coming != null ? coming : geometry).frame())) {
                    ImageReader old = reader;
                    reader = newReader(size);
                    display.resize(size.width(), size.height(), densityDpi);
                    display.setSurface(reader.getSurface());
                    old.close();
                }
                coming = next; // switched in capture() with the first frame drawn for it
                return;
            }
        }
        watcher.run();
    }

    private ImageReader newReader(ScreenSize size) {
        ImageReader created = ImageReader.newInstance(size.width(), size.height(), PixelFormat.RGBA_8888, MAX_IMAGES);
        created.setOnImageAvailableListener(r -> watcher.run(), handler);
        return created;
    }

    private static Frame black(ScreenSize size) {
        int[] pixels = new int[size.width() * size.height()];
        Arrays.fill(pixels, 0xFF000000);
        return Frame.wrap(size.width(), size.height(), pixels);
    }
}
