package dev.tandem.android.input;

import android.content.ClipData;
import android.content.ClipboardManager;
import android.content.Context;
import android.os.Handler;
import android.os.Looper;
import dev.tandem.agent.screen.PhoneClipboard;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phone's clipboard for the technician's viewer. Text from the viewer is put on Android's
 * clipboard (on the main thread, as ClipboardManager wants). Text copied on the phone reaches the
 * viewer two ways: what the technician copies or cuts with Ctrl+C / Ctrl+X is known from the field's
 * selection ({@link #copiedOnThePhone}), and changes Android reports while Tandem may read the clipboard
 * (Android 10+ allows that only while Tandem is in front) are read and passed on. Thread-safe.
 */
public final class AndroidClipboard implements PhoneClipboard {
    private static final Logger log = LoggerFactory.getLogger(AndroidClipboard.class);
    private final Context context;
    private final Handler main = new Handler(Looper.getMainLooper());
    private final List<Consumer<String>> watchers = new CopyOnWriteArrayList<>();
    private volatile String lastPut;
    private ClipboardManager.OnPrimaryClipChangedListener listener;

    public AndroidClipboard(Context context) {
        this.context = context.getApplicationContext() != null ? context.getApplicationContext() : context;
    }

    @Override
    public void put(String text) {
        lastPut = text;
        main.post(() -> manager().setPrimaryClip(ClipData.newPlainText("Tandem", text)));
    }

    @Override
    public Watch watch(Consumer<String> changed) {
        watchers.add(changed);
        main.post(this::listen);
        return () -> {
            watchers.remove(changed);
            main.post(this::listen);
        };
    }

    /** The technician copied or cut {@code text} in a field on the phone. */
    void copiedOnThePhone(String text) {
        if (text != null && !text.isEmpty()) {
            watchers.forEach(watcher -> watcher.accept(text));
        }
    }

    /** On the main thread: listens to Android while someone watches. */
    private void listen() {
        ClipboardManager manager = manager();
        if (!watchers.isEmpty() && listener == null) {
            listener = this::primaryClipChanged;
            manager.addPrimaryClipChangedListener(listener);
        } else if (watchers.isEmpty() && listener != null) {
            manager.removePrimaryClipChangedListener(listener);
            listener = null;
        }
    }

    private void primaryClipChanged() {
        ClipData clip = manager().getPrimaryClip(); // null when Android does not let Tandem read it now
        if (clip == null || clip.getItemCount() == 0) {
            log.debug("The phone's clipboard changed, but Android did not let Tandem read it");
            return;
        }
        CharSequence text = clip.getItemAt(0).coerceToText(context);
        if (text != null && !text.toString().equals(lastPut)) {
            copiedOnThePhone(text.toString());
        }
    }

    private ClipboardManager manager() {
        return (ClipboardManager) context.getSystemService(Context.CLIPBOARD_SERVICE);
    }
}
