package dev.tandem.android.ui;

import android.app.Activity;
import android.content.ActivityNotFoundException;
import android.content.ComponentName;
import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import android.provider.Settings;
import android.view.View;
import android.widget.TextView;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;
import dev.tandem.android.capability.PhoneCapabilities.ControlStep;
import dev.tandem.android.input.TandemAccessibilityService;

/**
 * Guides the customer to switch on Tandem remote control (no app can do it for them), one step at a
 * time, and says where they stand. On Android 13+ an app installed from a file is first blocked as a
 * "restricted setting": then the guide opens App info, where the customer allows restricted settings
 * (⋮ menu), before the accessibility settings. Coming back tells the technician the new step, which
 * the console shows.
 */
public final class AccessibilityGuideActivity extends Activity {
    /** Settings' extras that scroll to and highlight one entry (honoured by many phones, ignored by others). */
    static final String FRAGMENT_ARGS_KEY = ":settings:fragment_args_key";
    static final String SHOW_FRAGMENT_ARGS = ":settings:show_fragment_args";

    private TextView state;
    private View restricted;

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        setContentView(R.layout.activity_guide);
        setTitle(R.string.guide_title);
        EdgeToEdge.keepClear(findViewById(R.id.guide_root));
        state = findViewById(R.id.guide_state);
        restricted = findViewById(R.id.guide_restricted);
        findViewById(R.id.open_app_info).setOnClickListener(v -> openAppInfo());
        findViewById(R.id.open_settings).setOnClickListener(v -> openAccessibilitySettings());
        findViewById(R.id.guide_done).setOnClickListener(v -> finish());
    }

    @Override
    protected void onResume() {
        super.onResume();
        ControlStep step = TandemApplication.session(this).capabilities().controlStep();
        state.setText(step == ControlStep.ON ? R.string.guide_enabled
                : step == ControlStep.RESTRICTED ? R.string.guide_state_restricted : R.string.guide_disabled);
        restricted.setVisibility(step == ControlStep.RESTRICTED ? View.VISIBLE : View.GONE);
        TandemApplication.session(this).refreshCapabilities();
    }

    private void openAppInfo() {
        start(new Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", getPackageName(), null)));
    }

    private void openAccessibilitySettings() {
        String ours = new ComponentName(this, TandemAccessibilityService.class).flattenToString();
        Bundle highlight = new Bundle();
        highlight.putString(FRAGMENT_ARGS_KEY, ours);
        start(new Intent(Settings.ACTION_ACCESSIBILITY_SETTINGS).putExtra(FRAGMENT_ARGS_KEY, ours)
                .putExtra(SHOW_FRAGMENT_ARGS, highlight));
    }

    private void start(Intent intent) {
        try {
            startActivity(intent);
        } catch (ActivityNotFoundException e) {
            startActivity(new Intent(Settings.ACTION_SETTINGS));
        }
    }
}
