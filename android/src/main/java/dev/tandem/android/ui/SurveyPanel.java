package dev.tandem.android.ui;

import android.app.Activity;
import android.view.View;
import android.widget.EditText;
import android.widget.RatingBar;
import android.widget.TextView;
import android.widget.Toast;
import dev.tandem.android.R;
import dev.tandem.android.session.SessionSurvey;

/**
 * The chat screen's satisfaction survey, under the ended notice when the portal asks one: 1 to 5
 * stars, a comment, Send and "No, thanks"; then a line that says what became of the answer.
 */
final class SurveyPanel {
    private final Activity activity;
    private final View panel;
    private final View form;
    private final RatingBar rating;
    private final EditText comment;
    private final View send;
    private final View skip;
    private final TextView result;

    SurveyPanel(Activity activity, SessionSurvey survey) {
        this.activity = activity;
        panel = activity.findViewById(R.id.survey);
        form = activity.findViewById(R.id.survey_form);
        rating = activity.findViewById(R.id.survey_rating);
        comment = activity.findViewById(R.id.survey_comment);
        send = activity.findViewById(R.id.survey_send);
        skip = activity.findViewById(R.id.survey_skip);
        result = activity.findViewById(R.id.survey_result);
        send.setOnClickListener(v -> {
            int stars = Math.round(rating.getRating());
            if (stars < 1) {
                Toast.makeText(activity, R.string.survey_pick, Toast.LENGTH_LONG).show();
                return;
            }
            survey.answer(stars, comment.getText().toString());
        });
        skip.setOnClickListener(v -> survey.skip());
    }

    void show(SessionSurvey survey) {
        SessionSurvey.State state = survey.state();
        boolean shown = state != SessionSurvey.State.NONE && state != SessionSurvey.State.SKIPPED;
        panel.setVisibility(shown ? View.VISIBLE : View.GONE);
        if (!shown) {
            return;
        }
        boolean asking = state == SessionSurvey.State.ASKING || state == SessionSurvey.State.SENDING
                || state == SessionSurvey.State.FAILED;
        form.setVisibility(asking ? View.VISIBLE : View.GONE);
        send.setEnabled(state != SessionSurvey.State.SENDING);
        skip.setEnabled(state != SessionSurvey.State.SENDING);
        int text = resultText(state);
        result.setVisibility(text == 0 ? View.GONE : View.VISIBLE);
        if (text != 0) {
            result.setText(activity.getString(text));
        }
    }

    private static int resultText(SessionSurvey.State state) {
        switch (state) {
            case SENDING:
                return R.string.survey_sending;
            case THANKED:
                return R.string.survey_thanks;
            case ALREADY_ANSWERED:
                return R.string.survey_answered;
            case EXPIRED:
                return R.string.survey_expired;
            case FAILED:
                return R.string.survey_failed;
            default:
                return 0;
        }
    }
}
