package dev.tandem.android.screen;

import android.app.Activity;
import android.content.Intent;
import android.media.projection.MediaProjectionManager;
import android.os.Bundle;
import dev.tandem.android.TandemApplication;

/**
 * Shows Android's own screen-capture consent dialog (the customer already agreed in Tandem's prompt,
 * or the portal shares with a notice) and hands the answer to {@link ScreenCaptureService}. Declining
 * there stops the sharing, so the technician is told. Invisible itself.
 */
public final class ProjectionConsentActivity extends Activity {
    private static final int CAPTURE = 1;

    @Override
    protected void onCreate(Bundle saved) {
        super.onCreate(saved);
        if (saved == null) {
            MediaProjectionManager manager = (MediaProjectionManager) getSystemService(MEDIA_PROJECTION_SERVICE);
            startActivityForResult(manager.createScreenCaptureIntent(), CAPTURE);
        }
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
