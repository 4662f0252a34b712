package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;

import android.app.Application;
import android.view.View;
import android.widget.EditText;
import android.widget.RatingBar;
import android.widget.TextView;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.agent.ServerAddress;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.android.session.SessionSurvey;
import dev.tandem.android.testing.MainLooper;
import dev.tandem.android.testing.RealServer;
import dev.tandem.protocol.SessionCode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;

/**
 * The satisfaction survey in the app, against the real server: the technician ends the session, the
 * chat screen asks 1 to 5 stars and a comment, and the answer lands in the session's history; in
 * Spanish on a Spanish phone.
 */
@RunWith(RobolectricTestRunner.class)
public class SurveyInTheAppTest {
    private static RealServer server;

    @BeforeClass
    public static void startServer() throws Exception {
        server = RealServer.start();
        server.askSurveys();
    }

    @AfterClass
    public static void stopServer() throws Exception {
        server.close();
    }

    /** Joins with a new code, opens the chat and has the technician end the session; the session's id. */
    private static String endedSession(ActivityController<ChatActivity>[] opened) throws Exception {
        String code = server.post("/api/v1/codes", "{}", 201).get("code").asText();
        Application app = RuntimeEnvironment.getApplication();
        ActiveSession session = TandemApplication.session(app);
        session.join(ServerAddress.parse(server.baseUrl()), SessionCode.parse(code).orElseThrow(), "Ana");
        MainLooper.runUntil("the welcome", () -> session.phase() == ActiveSession.Phase.JOINED);
        opened[0] = Robolectric.buildActivity(ChatActivity.class).setup();
        String id = server.get("/api/v1/sessions?status=active").get(0).get("id").asText();
        server.post("/api/v1/sessions/" + id + "/end", "", 200);
        MainLooper.runUntil("the survey", () -> session.survey().state() == SessionSurvey.State.ASKING);
        return id;
    }

    @Test
    public void theCustomerRatesTheSessionAndTheTechnicianSeesIt() throws Exception {
        @SuppressWarnings("unchecked")
        ActivityController<ChatActivity>[] opened = new ActivityController[1];
        String id = endedSession(opened);
        ChatActivity chat = opened[0].get();
        try {
            assertThat(chat.findViewById(R.id.survey).getVisibility()).isEqualTo(View.VISIBLE);
            assertThat(((TextView) chat.findViewById(R.id.survey_title)).getText().toString()).isEqualTo("How did it go?");

            chat.findViewById(R.id.survey_send).performClick(); // no stars yet: nothing is sent
            assertThat(TandemApplication.session(chat).survey().state()).isEqualTo(SessionSurvey.State.ASKING);

            ((RatingBar) chat.findViewById(R.id.survey_rating)).setRating(4);
            ((EditText) chat.findViewById(R.id.survey_comment)).setText("Quick and kind");
            chat.findViewById(R.id.survey_send).performClick();
            TextView result = chat.findViewById(R.id.survey_result);
            MainLooper.runUntil("the thanks", () -> result.getText().toString().equals("Thank you for your answer."));
            assertThat(chat.findViewById(R.id.survey_form).getVisibility()).isEqualTo(View.GONE);

            JsonNode history = server.get("/api/v1/sessions/" + id + "/history");
            assertThat(history.at("/survey/rating").asInt()).isEqualTo(4);
            assertThat(history.at("/survey/comment").asText()).isEqualTo("Quick and kind");
        } finally {
            opened[0].pause().stop().destroy();
        }
    }

    @Test
    @Config(qualifiers = "es")
    public void noGraciasHidesItAndNothingIsSent() throws Exception {
        @SuppressWarnings("unchecked")
        ActivityController<ChatActivity>[] opened = new ActivityController[1];
        String id = endedSession(opened);
        ChatActivity chat = opened[0].get();
        try {
            assertThat(((TextView) chat.findViewById(R.id.survey_title)).getText().toString()).isEqualTo("¿Qué tal ha ido?");
            chat.findViewById(R.id.survey_skip).performClick();
            MainLooper.runUntil("the survey to go", () -> chat.findViewById(R.id.survey).getVisibility() == View.GONE);
            assertThat(server.get("/api/v1/sessions/" + id + "/history").get("survey").isNull()).isTrue();
        } finally {
            opened[0].pause().stop().destroy();
        }
    }
}
