package dev.tandem.device.screen;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenGeometry;
import dev.tandem.agent.screen.ScreenSize;
import dev.tandem.agent.screen.ScreenSource;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The virtual phone's own screen: {@link PhoneUi}'s state drawn by {@link PhoneRenderer}, at the
 * phone's 1080x2400 or at the size a viewer asked for (drawn scaled, not shrunk afterwards). It draws
 * again only when the state, the clock's minute or the size changed; otherwise {@link #capture()}
 * returns the previous {@link Frame} instance.
 *
 * <p>Thread-safe: captures are serialised on one lock; the UI is read as a snapshot, so input keeps
 * flowing while a frame is drawn. A new size is taken at the next capture, which switches the frame
 * and its {@link #geometry()} together. Every UI change and every resize is passed to the agent's
 * watcher ({@link #watch}), so the new picture is drawn and sent at once; only the clock's minute is
 * left to the agent's poll.
 */
public final class RenderedScreen implements ScreenSource {
    private final PhoneUi ui;
    private final PhoneRenderer renderer;
    private final Clock clock;
    private final Object lock = new Object();
    private final CaptureSize size;
    // Guarded by lock.
    private ScreenGeometry geometry;
    private PhoneState drawnState;
    private LocalDateTime drawnMinute;
    private Frame frame;

    private RenderedScreen(PhoneUi ui, PhoneRenderer renderer, Clock clock) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.renderer = renderer;
        this.clock = Objects.requireNonNull(clock, "clock");
        ScreenSize phone = ScreenSize.of(renderer.width(), renderer.height());
        this.geometry = ScreenGeometry.natural(phone);
        this.size = new CaptureSize(phone);
    }

    /** The screen of {@code ui}, its status bar clock read from {@code clock} (time zone included). */
    public static RenderedScreen create(PhoneUi ui, Clock clock) {
        return new RenderedScreen(ui, PhoneRenderer.create(), clock);
    }

    /** The screen of {@code ui} with the system clock in the default time zone. */
    public static RenderedScreen create(PhoneUi ui) {
        return create(ui, Clock.systemDefaultZone());
    }

    /** The UI this screen shows; it is also what takes the technician's input. */
    public PhoneUi ui() {
        return ui;
    }

    @Override
    public ScreenGeometry geometry() {
        synchronized (lock) {
            return geometry;
        }
    }

    @Override
    public Frame capture() {
        PhoneState state = ui.state();
        LocalDateTime minute = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        synchronized (lock) {
            ScreenGeometry target = size.target();
            if (frame != null && state.equals(drawnState) && minute.equals(drawnMinute) && target.equals(geometry)) {
                return frame;
            }
            BufferedImage image = renderer.render(state, minute, target);
            // The image is dropped here, so the frame may own its pixels without a copy.
            int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            frame = Frame.wrap(image.getWidth(), image.getHeight(), argb);
            geometry = target;
            drawnState = state;
            drawnMinute = minute;
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

    /** The UI tells this screen of every change, and the screen passes it on: capture is event-driven. */
    @Override
    public void watch(Runnable changed) {
        size.watch(changed);
        ui.watch(changed);
    }
}
