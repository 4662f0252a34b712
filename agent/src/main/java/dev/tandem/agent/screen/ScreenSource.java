package dev.tandem.agent.screen;

import dev.tandem.agent.rfb.encoding.Frame;

/**
 * The phone's screen as the agent sees it. Implementations are thread-safe: the screen stream
 * captures from its own thread while the phone keeps drawing.
 */
public interface ScreenSource {

    /** Screen width in pixels (portrait 1080 on the virtual phone). */
    int width();

    /** Screen height in pixels. */
    int height();

    /**
     * The screen as it is now. Cheap when nothing changed: then it returns the same {@link Frame}
     * instance as the previous call, so the stream can skip change detection entirely.
     */
    Frame capture();
}
