package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.AppOpsManager;
import android.app.Application;
import android.content.Context;
import android.content.Intent;
import android.graphics.Insets;
import android.os.Process;
import android.provider.Settings;
import android.view.View;
import android.view.WindowInsets;
import android.widget.EditText;
import android.widget.TextView;
import dev.tandem.android.R;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/**
 * The accessibility guide's steps (the restricted-settings step on 13+ with App info opened for the
 * customer), Android 15's edge-to-edge screens, and labels TalkBack reads for every field.
 */
@RunWith(RobolectricTestRunner.class)
public class GuideAndScreensTest {
    private final Application app = RuntimeEnvironment.getApplication();

    private void restrictedByAndroid() {
        AppOpsManager ops = (AppOpsManager) app.getSystemService(Context.APP_OPS_SERVICE);
        shadowOf(ops).setMode("android:access_restricted_settings", Process.myUid(), app.getPackageName(),
                AppOpsManager.MODE_ERRORED);
    }

    @Test
    @Config(sdk = 33)
    public void aSideloadedInstallIsGuidedThroughAppInfoFirst() {
        restrictedByAndroid();
        AccessibilityGuideActivity guide = Robolectric.buildActivity(AccessibilityGuideActivity.class).setup().get();
        assertThat(((TextView) guide.findViewById(R.id.guide_state)).getText().toString())
                .startsWith("Step 1 of 2: Android still blocks remote control.");
        assertThat(guide.findViewById(R.id.guide_restricted).getVisibility()).isEqualTo(View.VISIBLE);

        guide.findViewById(R.id.open_app_info).performClick();
        Intent appInfo = shadowOf(guide).getNextStartedActivity();
        assertThat(appInfo.getAction()).isEqualTo(Settings.ACTION_APPLICATION_DETAILS_SETTINGS);
        assertThat(appInfo.getData().toString()).isEqualTo("package:" + app.getPackageName());

        guide.findViewById(R.id.open_settings).performClick();
        Intent accessibility = shadowOf(guide).getNextStartedActivity();
        assertThat(accessibility.getAction()).isEqualTo(Settings.ACTION_ACCESSIBILITY_SETTINGS);
        assertThat(accessibility.getStringExtra(AccessibilityGuideActivity.FRAGMENT_ARGS_KEY))
                .endsWith("TandemAccessibilityService");
    }

    @Test
    @Config(sdk = 34, qualifiers = "es")
    public void theGuideSpeaksSpanishToo() {
        restrictedByAndroid();
        AccessibilityGuideActivity guide = Robolectric.buildActivity(AccessibilityGuideActivity.class).setup().get();
        assertThat(((TextView) guide.findViewById(R.id.guide_state)).getText().toString())
                .startsWith("Paso 1 de 2");
        assertThat(((TextView) guide.findViewById(R.id.open_app_info)).getText().toString())
                .isEqualTo("Abrir información de la aplicación");
    }

    @Test
    @Config(sdk = 30)
    public void withoutTheRestrictionTheGuideGoesStraightToTheSettings() {
        AccessibilityGuideActivity guide = Robolectric.buildActivity(AccessibilityGuideActivity.class).setup().get();
        assertThat(((TextView) guide.findViewById(R.id.guide_state)).getText().toString())
                .isEqualTo("Remote control is still switched off.");
        assertThat(guide.findViewById(R.id.guide_restricted).getVisibility()).isEqualTo(View.GONE);
    }

    @Test
    @Config(sdk = 35)
    public void onAndroid15TheChatBoxStaysAboveTheNavigationBarAndTheKeyboard() {
        JoinActivity join = Robolectric.buildActivity(JoinActivity.class).setup().get();
        View root = join.findViewById(R.id.join_root);
        int ownBottom = root.getPaddingBottom();
        root.dispatchApplyWindowInsets(new WindowInsets.Builder()
                .setInsets(WindowInsets.Type.systemBars(), Insets.of(0, 63, 0, 48)).build());
        assertThat(root.getPaddingTop()).isEqualTo(63);
        assertThat(root.getPaddingBottom()).isEqualTo(ownBottom + 48);
        root.dispatchApplyWindowInsets(new WindowInsets.Builder()
                .setInsets(WindowInsets.Type.systemBars(), Insets.of(0, 63, 0, 48))
                .setInsets(WindowInsets.Type.ime(), Insets.of(0, 0, 0, 900)).build());
        assertThat(root.getPaddingBottom()).as("the keyboard is open").isEqualTo(ownBottom + 900);
    }

    @Test
    public void everyFieldHasALabelTalkBackReads() {
        JoinActivity join = Robolectric.buildActivity(JoinActivity.class).setup().get();
        assertLabelled(join.findViewById(R.id.join_root), join.findViewById(R.id.code), "Session code");
        assertLabelled(join.findViewById(R.id.join_root), join.findViewById(R.id.name), "Your name");
        assertLabelled(join.findViewById(R.id.join_root), join.findViewById(R.id.server), "Support server");
        RequestActivity help = Robolectric.buildActivity(RequestActivity.class).setup().get();
        View root = help.findViewById(R.id.request_root);
        for (int field : new int[] {R.id.help_server, R.id.help_portal, R.id.help_name, R.id.help_description,
            R.id.help_email, R.id.help_follow_up_email}) {
            assertLabelled(root, help.findViewById(field), null);
        }
    }

    /** Some TextView in {@code root} is the label of {@code field} (and says {@code text}, when given). */
    private static void assertLabelled(View root, EditText field, String text) {
        java.util.List<TextView> labels = new java.util.ArrayList<>();
        collectLabels(root, field.getId(), labels);
        assertThat(labels).as("a label for %s", root.getResources().getResourceEntryName(field.getId())).hasSize(1);
        if (text != null) {
            assertThat(labels.get(0).getText().toString()).isEqualTo(text);
        }
    }

    private static void collectLabels(View view, int id, java.util.List<TextView> labels) {
        if (view instanceof TextView && !(view instanceof EditText) && view.getLabelFor() == id) {
            labels.add((TextView) view);
        }
        if (view instanceof android.view.ViewGroup) {
            android.view.ViewGroup group = (android.view.ViewGroup) view;
            for (int i = 0; i < group.getChildCount(); i++) {
                collectLabels(group.getChildAt(i), id, labels);
            }
        }
    }
}
