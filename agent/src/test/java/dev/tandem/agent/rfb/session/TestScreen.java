package dev.tandem.agent.rfb.session;

import dev.tandem.agent.rfb.encoding.Frame;
import dev.tandem.agent.screen.ScreenSource;

/** A screen whose frame the test sets; like the real one, it returns the same instance until it changes. */
final class TestScreen implements ScreenSource {
    private volatile Frame frame;

    TestScreen(Frame frame) {
        this.frame = frame;
    }

    void show(Frame next) {
        frame = next;
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
