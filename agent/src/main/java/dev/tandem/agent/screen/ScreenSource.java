package dev.tandem.agent.screen;

import dev.tandem.agent.rfb.encoding.Frame;

/**
 * The phone's screen as the agent sees it, at a capture size that can change while viewers watch.
 *
 * <p><b>Sizes.</b> Frames start at the phone's own size ({@link ScreenGeometry#natural}). A viewer may
 * ask for another frame size (RFB SetDesktopSize; the console sends one for its quality menu): the
 * agent then calls {@link #resize}, and the phone captures frames of exactly that size with its screen
 * scaled down to fit inside, centred on black ({@link ScreenGeometry#fitted}, the same fit Android's
 * auto-mirroring VirtualDisplay draws). {@link #resizeToPhone} returns to the phone's own size. The
 * phone may change size by itself too (rotation): at its own size the frames follow it; at a viewer's
 * size the frames keep that size and the rotated screen is fitted inside anew.
 *
 * <p><b>Who calls what, on which thread.</b> All methods may be called from any thread, concurrently:
 * <ul>
 *   <li>{@link #capture()} and {@link #geometry()}: every viewer's update thread, repeatedly.</li>
 *   <li>{@link #resize}/{@link #resizeToPhone()}: a viewer's reader thread when it asks for a size, or
 *       the thread closing the viewer that asked (back to the phone's size). The last call wins.</li>
 *   <li>{@link #watch}: once, before the first capture (a later call replaces the listener).</li>
 *   <li>Input is mapped by the agent to phone pixels with {@link #geometry()}; {@link PhoneInput}
 *       never sees frame pixels.</li>
 * </ul>
 *
 * <p><b>What an implementation must do when the size changes</b> (asked for, or rotation):
 * {@code resize} returns at once (no waiting for a frame; Android resizes its VirtualDisplay and
 * ImageReader and returns); the first frame of the new size or fit comes from a later
 * {@code capture()}, and from that same moment {@code geometry()} describes it: switch both in one
 * critical section, so that geometry() always describes the frame capture() returns now. Then call
 * the watcher. Until the new frame exists, capture() keeps returning the previous one.
 */
public interface ScreenSource {

    /**
     * How the frames {@link #capture()} returns now relate to the phone's screen: their size, the
     * phone's size in its current orientation, and where the picture lies in the frame.
     */
    ScreenGeometry geometry();

    /**
     * The screen as it is now. Cheap when nothing changed: then it returns the same {@link Frame}
     * instance as the previous call, so the stream can skip change detection entirely.
     */
    Frame capture();

    /**
     * Asks for frames of {@code frame} size from now on, the phone's screen fitted inside. Smaller
     * than the phone at least one way (the agent calls {@link #resizeToPhone()} otherwise).
     *
     * @return false when this phone cannot scale its capture: then nothing changes, and the viewer is
     *         told its request was refused
     */
    default boolean resize(ScreenSize frame) {
        return false;
    }

    /** Back to frames at the phone's own size, following its rotation. Harmless when already there. */
    default void resizeToPhone() {
    }

    /**
     * The agent's listener for "capture() would return a new frame now" (a new picture or a new
     * geometry). Call it from any thread, quickly, without holding a lock that capture() takes; each
     * call wakes the viewers' update threads, which then capture. A source that never calls it is
     * captured again every poll interval (StreamSettings), which costs latency, not correctness.
     */
    default void watch(Runnable changed) {
    }
}
