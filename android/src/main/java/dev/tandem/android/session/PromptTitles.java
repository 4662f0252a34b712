package dev.tandem.android.session;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.android.R;

/**
 * The title of a permission prompt in the customer's language (in the dialog and in its notification);
 * the body is the server's own sentence.
 */
public final class PromptTitles {
    private PromptTitles() {
    }

    public static int of(ConsentKind kind) {
        switch (kind) {
            case SCREEN:
                return R.string.prompt_title_screen;
            case CONTROL:
                return R.string.prompt_title_control;
            case DIAGNOSTICS:
                return R.string.prompt_title_diagnostics;
            default:
                return R.string.prompt_title_logs;
        }
    }
}
