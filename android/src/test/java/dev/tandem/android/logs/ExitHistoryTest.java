package dev.tandem.android.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.ActivityManager;
import android.app.Application;
import android.app.ApplicationExitInfo;
import android.content.Context;
import java.io.File;
import java.nio.charset.StandardCharsets;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowActivityManager;

/** How earlier runs ended reaches the log files the technician gets, once each. */
@RunWith(RobolectricTestRunner.class)
public class ExitHistoryTest {
    private final Application app = RuntimeEnvironment.getApplication();

    @Test
    @Config(sdk = {30, 35})
    public void anEarlierCrashAndAnAnrAreWrittenIntoTheLogOnce() throws Exception {
        ActivityManager activities = (ActivityManager) app.getSystemService(Context.ACTIVITY_SERVICE);
        shadowOf(activities).addApplicationExitInfo(ShadowActivityManager.ApplicationExitInfoBuilder.newBuilder()
                .setProcessName(app.getPackageName()).setPid(1234).setReason(ApplicationExitInfo.REASON_CRASH)
                .setTimestamp(1_700_000_000_000L).setDescription("crash in capture").build());
        shadowOf(activities).addApplicationExitInfo(ShadowActivityManager.ApplicationExitInfoBuilder.newBuilder()
                .setProcessName(app.getPackageName()).setPid(1235).setReason(ApplicationExitInfo.REASON_ANR)
                .setTimestamp(1_700_000_100_000L).build());
        AppLog log = AppLog.in(new File(app.getFilesDir(), "exit-test"), 64 * 1024);

        assertThat(ExitHistory.record(app, log)).isEqualTo(2);
        String written = new String(log.contents(), StandardCharsets.UTF_8);
        assertThat(written).contains("crash (crash in capture)").contains("not responding (ANR)")
                .contains("2023-11-14T22:13:20Z");
        assertThat(ExitHistory.record(app, log)).as("already written").isZero();
    }

    @Test
    @Config(sdk = 29)
    public void beforeAndroid11ThereIsNothingToRead() throws Exception {
        AppLog log = AppLog.in(new File(app.getFilesDir(), "exit-test-29"), 64 * 1024);
        assertThat(ExitHistory.record(app, log)).isZero();
    }
}
