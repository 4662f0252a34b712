package dev.tandem.agent.screen;

/** Android's navigation keys, pressed by the technician from the viewer. */
public enum SoftKey {
    BACK, HOME, RECENTS
}
