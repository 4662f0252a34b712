package dev.tandem.android.ui;

import android.app.Activity;
import android.content.ActivityNotFoundException;
import android.content.Intent;
import android.os.Bundle;
import android.provider.Settings;
import android.widget.TextView;
import dev.tandem.android.R;
import dev.tandem.android.TandemApplication;

/**
 * Guides the customer to switch on Tandem remote control in Android's accessibility settings (no app
 * can do it for them), and says whether it is on now. Coming back tells the technician the new state.
 */
public final class AccessibilityGuideActivity extends Activity {
    private TextView state;

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        setContentView(R.layout.activity_guide);
        setTitle(R.string.guide_title);
        state = findViewById(R.id.guide_state);
        findViewById(R.id.open_settings).setOnClickListener(v -> openSettings());
        findViewById(R.id.guide_done).setOnClickListener(v -> finish());
    }

    @Override
    protected void onResume() {
        super.onResume();
        boolean on = TandemApplication.session(this).capabilities().accessibilityEnabled();
        state.setText(on ? R.string.guide_enabled : R.string.guide_disabled);
        TandemApplication.session(this).refreshCapabilities();
    }

    private void openSettings() {
        try {
            startActivity(new Intent(Settings.ACTION_ACCESSIBILITY_SETTINGS));
        } catch (ActivityNotFoundException e) {
            startActivity(new Intent(Settings.ACTION_SETTINGS));
        }
    }
}
