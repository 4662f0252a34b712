package dev.tandem.device.screen;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenSource;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The virtual phone's own screen: {@link PhoneUi}'s state drawn by {@link PhoneRenderer}. It draws
 * again only when the state or the clock's minute changed; otherwise {@link #capture()} returns the
 * previous {@link Frame} instance.
 *
 * <p>Thread-safe: captures are serialised on one lock; the UI is read as a snapshot, so input keeps
 * flowing while a frame is drawn.
 */
public final class RenderedScreen implements ScreenSource {
    private final PhoneUi ui;
    private final PhoneRenderer renderer;
    private final Clock clock;
    private final Object lock = new Object();
    private PhoneState drawnState;
    private LocalDateTime drawnMinute;
    private Frame frame;

    private RenderedScreen(PhoneUi ui, PhoneRenderer renderer, Clock clock) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.renderer = renderer;
        this.clock = Objects.requireNonNull(clock, "clock");
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
    public int width() {
        return renderer.width();
    }

    @Override
    public int height() {
        return renderer.height();
    }

    @Override
    public Frame capture() {
        PhoneState state = ui.state();
        LocalDateTime minute = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        synchronized (lock) {
            if (frame != null && state.equals(drawnState) && minute.equals(drawnMinute)) {
                return frame;
            }
            BufferedImage image = renderer.render(state, minute);
            // The image is dropped here, so the frame may own its pixels without a copy.
            int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            frame = Frame.wrap(image.getWidth(), image.getHeight(), argb);
            drawnState = state;
            drawnMinute = minute;
            return frame;
        }
    }
}
