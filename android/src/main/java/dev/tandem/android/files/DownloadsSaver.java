package dev.tandem.android.files;

import android.content.ContentResolver;
import android.content.ContentValues;
import android.content.Context;
import android.net.Uri;
import android.os.Build;
import android.os.Environment;
import android.provider.MediaStore;
import android.webkit.MimeTypeMap;
import dev.tandem.agent.files.FileSaver;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Saves a file the customer accepted into the phone's Downloads. From Android 10 through
 * MediaStore.Downloads, without any storage permission: the entry is created pending (no other app
 * sees a half-written file), written, then published; MediaStore picks another name when one is
 * taken. On Android 8 and 9, where MediaStore has no Downloads table, into the app's own Downloads
 * folder (no permission either). Called on a worker thread.
 */
public final class DownloadsSaver implements FileSaver {
    private final Context context;

    public DownloadsSaver(Context context) {
        this.context = context.getApplicationContext();
    }

    @Override
    public String save(String name, byte[] content) throws IOException {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.Q) {
            return saveToMediaStore(name, content);
        }
        File folder = context.getExternalFilesDir(Environment.DIRECTORY_DOWNLOADS);
        if (folder == null || (!folder.isDirectory() && !folder.mkdirs())) {
            throw new IOException("The phone's storage is not available.");
        }
        File target = new File(folder, name);
        for (int n = 1; target.exists(); n++) {
            int dot = name.lastIndexOf('.');
            target = new File(folder, dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot)
                    : name + " (" + n + ")");
        }
        try (OutputStream out = new FileOutputStream(target)) {
            out.write(content);
        }
        return target.getAbsolutePath();
    }

    private String saveToMediaStore(String name, byte[] content) throws IOException {
        ContentResolver resolver = context.getContentResolver();
        ContentValues values = new ContentValues();
        values.put(MediaStore.MediaColumns.DISPLAY_NAME, name);
        values.put(MediaStore.MediaColumns.MIME_TYPE, mimeType(name));
        values.put(MediaStore.MediaColumns.IS_PENDING, 1);
        Uri item = resolver.insert(MediaStore.Downloads.EXTERNAL_CONTENT_URI, values);
        if (item == null) {
            throw new IOException("Downloads did not take the file.");
        }
        try (OutputStream out = resolver.openOutputStream(item)) {
            if (out == null) {
                throw new IOException("Downloads did not open the file for writing.");
            }
            out.write(content);
        } catch (IOException | RuntimeException e) {
            resolver.delete(item, null, null);
            throw e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e);
        }
        ContentValues done = new ContentValues();
        done.put(MediaStore.MediaColumns.IS_PENDING, 0);
        resolver.update(item, done, null, null);
        return item.toString();
    }

    static String mimeType(String name) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null
                : MimeTypeMap.getSingleton().getMimeTypeFromExtension(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
        return type == null ? "application/octet-stream" : type;
    }
}
