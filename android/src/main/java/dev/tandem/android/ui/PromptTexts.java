package dev.tandem.android.ui;

import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.android.R;

/** The title of a permission prompt in the customer's language; the body is the server's own sentence. */
final class PromptTexts {
    private PromptTexts() {
    }

    static int title(ConsentKind kind) {
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
