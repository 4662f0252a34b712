package dev.tandem.android.screen;

import android.app.Activity;
import android.content.Intent;
import android.media.projection.MediaProjectionConfig;
import android.media.projection.MediaProjectionManager;
import android.os.Build;
import android.os.Bundle;
import dev.tandem.android.SinceApi;
import dev.tandem.android.TandemApplication;

/**
 * Shows Android's own screen-capture consent dialog (the customer already agreed in Tandem's prompt,
 * or the portal shares with a notice) and hands the answer to {@link ScreenCaptureService}. Declining
 * there stops the sharing, so the technician is told. On Android 14+ the dialog offers the whole
 * screen only: sharing a single app would hide what the technician must see and break the mapping of
 * taps. Invisible itself.
 */
public final class ProjectionConsentActivity extends Activity {
    static final int CAPTURE = 1;

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        if (saved == null) {
            TandemApplication.session(this).consentDialogShown();
            MediaProjectionManager manager = (MediaProjectionManager) getSystemService(MEDIA_PROJECTION_SERVICE);
            Intent dialog = Build.VERSION.SDK_INT >= 34 ? wholeScreenOnly(manager) : manager.createScreenCaptureIntent();
            startActivityForResult(dialog, CAPTURE);
        }
    }

    @SinceApi(34)
    private static Intent wholeScreenOnly(MediaProjectionManager manager) {
        return manager.createScreenCaptureIntent(MediaProjectionConfig.createConfigForDefaultDisplay());
    }

    @Override
    protected void onActivityResult(int requestCode, int resultCode, Intent data) {
        if (requestCode == CAPTURE) {
            if (resultCode == RESULT_OK && data != null) {
                ScreenCaptureService.start(this, resultCode, data);
            } else {
                TandemApplication.session(this).projectionDeclined();
            }
            finish();
        }
    }
}
