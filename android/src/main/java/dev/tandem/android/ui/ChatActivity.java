package dev.tandem.android.ui;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.Intent;
import android.os.Bundle;
import android.view.Menu;
import android.view.MenuItem;
import android.view.View;
import android.widget.Button;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.ScrollView;
import android.widget.TextView;
import android.widget.Toast;
import dev.tandem.agent.consent.ConsentKind;
import dev.tandem.agent.consent.ConsentPrompt;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.session.ActiveSession;
import dev.tandem.android.session.ChatLine;
import dev.tandem.android.session.PromptTitles;

/**
 * The session: the transcript, a box to write, the sharing notice with Stop while the screen is
 * shared (or, until Android's capture dialog is answered, a line saying so with a button to open it
 * again), the exit icon in the action bar, and the technician's permission prompts as dialogs (one at
 * a time, oldest first). Allowing control while Tandem's accessibility service is off opens the guide.
 *
 * <p>Back while the session runs sends Tandem to the background instead of leaving the chat (the
 * session goes on, with its notification); only the exit icon leaves. After Android killed the app
 * the chat comes back with the session ({@code restore}); with no session at all it hands over to
 * the join screen. Android 13+ is asked to show notifications once, with a way back after a "no".
 * Once the session is over, a portal's satisfaction survey shows under the notice ({@link SurveyPanel}).
 */
public final class ChatActivity extends Activity implements ActiveSession.Observer {
    private ActiveSession session;
    private LinearLayout transcript;
    private ScrollView scroll;
    private View sharing;
    private TextView sharingText;
    private View allowCapture;
    private Button hideDrawings;
    private View notificationsOff;
    private TextView status;
    private EditText message;
    private int shownLines;
    private AlertDialog promptDialog;
    private ConsentPrompt shownPrompt;
    private boolean capabilitiesChecked;
    private SurveyPanel surveyPanel;
    private FileDialogs fileDialogs;

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        setContentView(R.layout.activity_chat);
        setTitle(R.string.chat_title);
        EdgeToEdge.keepClear(findViewById(R.id.chat_root));
        session = TandemApplication.session(this);
        session.restore();
        transcript = findViewById(R.id.transcript);
        scroll = findViewById(R.id.transcript_scroll);
        sharing = findViewById(R.id.sharing);
        sharingText = findViewById(R.id.sharing_text);
        status = findViewById(R.id.status);
        message = findViewById(R.id.message);
        Button send = findViewById(R.id.send);
        send.setOnClickListener(v -> send());
        findViewById(R.id.sharing_stop).setOnClickListener(v -> session.stopSharing());
        hideDrawings = findViewById(R.id.sharing_hide_drawings);
        hideDrawings.setOnClickListener(v -> session.hideDrawings(!session.drawingsHidden()));
        allowCapture = findViewById(R.id.allow_capture);
        allowCapture.setOnClickListener(v -> session.askAndroidAgain());
        notificationsOff = findViewById(R.id.notifications_off);
        surveyPanel = new SurveyPanel(this, session.survey());
        fileDialogs = new FileDialogs(this, session.files());
        findViewById(R.id.notifications_allow).setOnClickListener(v -> NotificationPermission.openSettings(this));
        if (saved == null) {
            NotificationPermission.askIfNeeded(this);
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] results) {
        super.onRequestPermissionsResult(requestCode, permissions, results);
        showNotificationsHint();
    }

    @Override
    public void onBackPressed() {
        if (session.phase() == ActiveSession.Phase.OVER || session.phase() == ActiveSession.Phase.IDLE) {
            super.onBackPressed();
        } else {
            moveTaskToBack(true); // the session goes on; its notification brings the customer back
        }
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (session.phase() == ActiveSession.Phase.IDLE) {
            // Nothing to show: no session now and none saved to go back to.
            startActivity(new Intent(this, JoinActivity.class));
            finish();
            return;
        }
        session.observe(this);
        session.notifications().chatSeen();
        showNotificationsHint();
        if (capabilitiesChecked) {
            session.refreshCapabilities(); // back from the settings: the accessibility service may be on now
        }
        capabilitiesChecked = true;
        sessionChanged(session);
    }

    @Override
    protected void onPause() {
        session.forget(this);
        super.onPause();
    }

    @Override
    public boolean onCreateOptionsMenu(Menu menu) {
        getMenuInflater().inflate(R.menu.chat, menu);
        return true;
    }

    @Override
    public boolean onOptionsItemSelected(MenuItem item) {
        if (item.getItemId() == R.id.leave) {
            if (session.phase() == ActiveSession.Phase.OVER) {
                finish();
            } else {
                new AlertDialog.Builder(this).setMessage(R.string.chat_leave_confirm)
                        .setPositiveButton(R.string.chat_leave_yes, (d, w) -> session.leave())
                        .setNegativeButton(android.R.string.cancel, null).show();
            }
            return true;
        }
        return super.onOptionsItemSelected(item);
    }

    private void send() {
        String text = message.getText().toString().trim();
        if (text.isEmpty()) {
            return;
        }
        if (session.send(text)) {
            message.setText("");
        } else {
            Toast.makeText(this, R.string.chat_not_connected, Toast.LENGTH_LONG).show();
        }
    }

    private void showNotificationsHint() {
        boolean running = session.phase() != ActiveSession.Phase.OVER;
        notificationsOff.setVisibility(running && !session.notifications().enabled() ? View.VISIBLE : View.GONE);
    }

    @Override
    public void sessionChanged(ActiveSession s) {
        for (; shownLines < s.transcript().size(); shownLines++) {
            transcript.addView(line(s.transcript().get(shownLines)));
        }
        if (shownLines > s.transcript().size()) { // a new session replaced the old one
            transcript.removeAllViews();
            shownLines = 0;
            sessionChanged(s);
            return;
        }
        scroll.post(() -> scroll.fullScroll(View.FOCUS_DOWN));
        sharing.setVisibility(s.screenShared() ? View.VISIBLE : View.GONE);
        sharingText.setText(s.waitingForAndroid() ? R.string.chat_waiting_android
                : s.controlShared() ? (s.screenRecorded() ? R.string.sharing_screen_control_recorded
                        : R.string.sharing_screen_control)
                : s.screenRecorded() ? R.string.sharing_screen_recorded : R.string.sharing_screen);
        allowCapture.setVisibility(s.waitingForAndroid() ? View.VISIBLE : View.GONE);
        hideDrawings.setText(s.drawingsHidden() ? R.string.sharing_show_drawings : R.string.sharing_hide_drawings);
        showStatus(s);
        showPrompt(s);
        surveyPanel.show(s.survey());
        fileDialogs.show(s.files());
    }

    @Override
    protected void onActivityResult(int requestCode, int resultCode, Intent data) {
        super.onActivityResult(requestCode, resultCode, data);
        fileDialogs.picked(requestCode, resultCode, data);
    }

    private void showStatus(ActiveSession s) {
        String text = null;
        if (s.phase() == ActiveSession.Phase.RECONNECTING) {
            text = getString(R.string.chat_reconnecting);
        } else if (s.phase() == ActiveSession.Phase.JOINED) {
            text = s.teamNotice(); // issue 18.2: a transfer or a second technician
        } else if (s.phase() == ActiveSession.Phase.OVER) {
            if ("technician".equals(s.endedBy())) {
                text = getString(R.string.chat_ended_technician);
            } else if ("customer".equals(s.endedBy())) {
                text = getString(R.string.chat_ended_customer);
            } else if (s.endedBy() == null && s.endReason() != null) {
                text = getString(R.string.chat_failed, s.endReason());
            } else {
                text = getString(R.string.chat_ended_server);
            }
            message.setEnabled(false);
        }
        status.setText(text);
        status.setVisibility(text == null ? View.GONE : View.VISIBLE);
    }

    private void showPrompt(ActiveSession s) {
        ConsentPrompt next = s.openPrompts().isEmpty() ? null : s.openPrompts().get(0);
        if (next == shownPrompt) {
            return;
        }
        if (promptDialog != null) {
            promptDialog.dismiss();
            promptDialog = null;
        }
        shownPrompt = next;
        if (next == null) {
            return;
        }
        promptDialog = new AlertDialog.Builder(this)
                .setTitle(PromptTitles.of(next.kind()))
                .setMessage(next.text())
                .setCancelable(false)
                .setPositiveButton(R.string.prompt_allow, (d, w) -> allow(next))
                .setNegativeButton(R.string.prompt_deny, (d, w) -> session.answer(next, false))
                .show();
    }

    private void allow(ConsentPrompt prompt) {
        session.answer(prompt, true);
        if (prompt.kind() == ConsentKind.CONTROL && !session.capabilities().accessibilityEnabled()) {
            startActivity(new Intent(this, AccessibilityGuideActivity.class));
        }
    }

    private TextView line(ChatLine line) {
        TextView view = new TextView(this);
        String who = "customer".equals(line.sender) ? getString(R.string.chat_you)
                : line.name.isEmpty() ? getString(R.string.chat_technician) : line.name;
        view.setText("system".equals(line.sender) ? line.text : who + ": " + line.text);
        view.setPadding(0, 8, 0, 8);
        view.setTextSize(16);
        if ("system".equals(line.sender)) {
            view.setAlpha(0.7f);
        }
        return view;
    }
}
