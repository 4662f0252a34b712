package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;

/**
 * A screen whose frame the test sets; like the real one, it returns the same instance until it
 * changes. Asked for another size, it scales the frame by nearest neighbour into the fitted picture
 * (enough to check where pixels and pointer positions land); {@link #refuseResize()} makes it a phone
 * that cannot scale.
 */
final class TestScreen implements ScreenSource {
    private Frame phone;
    private ScreenSize wanted;
    private boolean refuses;
    private ScreenGeometry geometry;
    private Frame frame;
    private Runnable watcher = () -> { };
    private int resizes;

    TestScreen(Frame frame) {
        show(frame);
    }

    /** The phone now shows {@code next} (a new size is a rotation); the watcher hears of it. */
    void show(Frame next) {
        Runnable notify;
        synchronized (this) {
            phone = next;
            frame = null;
            notify = watcher;
        }
        notify.run();
    }

    synchronized void refuseResize() {
        refuses = true;
    }

    /** How many resize calls the phone took. */
    synchronized int resizes() {
        return resizes;
    }

    @Override
    public synchronized ScreenGeometry geometry() {
        capture();
        return geometry;
    }

    @Override
    public synchronized Frame capture() {
        if (frame == null) {
            ScreenSize size = ScreenSize.of(phone.width(), phone.height());
            geometry = wanted == null ? ScreenGeometry.natural(size) : ScreenGeometry.fitted(size, wanted);
            frame = geometry.isNatural() ? phone : scaled(phone, geometry);
        }
        return frame;
    }

    @Override
    public boolean resize(ScreenSize size) {
        synchronized (this) {
            if (refuses) {
                return false;
            }
            wanted = size;
            frame = null;
            resizes++;
        }
        watcher.run();
        return true;
    }

    @Override
    public void resizeToPhone() {
        synchronized (this) {
            wanted = null;
            frame = null;
            resizes++;
        }
        watcher.run();
    }

    @Override
    public synchronized void watch(Runnable changed) {
        watcher = changed;
    }

    private static Frame scaled(Frame phone, ScreenGeometry g) {
        ScreenSize size = g.frame();
        int[] pixels = new int[size.width() * size.height()];
        java.util.Arrays.fill(pixels, 0xFF000000);
        for (int y = 0; y < g.pictureHeight(); y++) {
            for (int x = 0; x < g.pictureWidth(); x++) {
                int fx = g.pictureX() + x;
                int fy = g.pictureY() + y;
                pixels[fy * size.width() + fx] = phone.pixel(g.phoneX(fx), g.phoneY(fy));
            }
        }
        return Frame.wrap(size.width(), size.height(), pixels);
    }
}
