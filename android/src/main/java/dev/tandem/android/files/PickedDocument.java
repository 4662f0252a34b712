package dev.tandem.android.files;

import android.content.ContentResolver;
import android.content.Intent;
import android.database.Cursor;
import android.net.Uri;
import android.provider.OpenableColumns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one document the customer picked in the Storage Access Framework's picker
 * ({@link Intent#ACTION_OPEN_DOCUMENT}): its display name and bytes, read through the grant the
 * picker gave for that URI only. Nothing else on the phone is read. Immutable once read.
 */
public final class PickedDocument {
    private final String name;
    private final byte[] content;

    private PickedDocument(String name, byte[] content) {
        this.name = name;
        this.content = content;
    }

    /** The picker's intent: any openable document, one. */
    public static Intent pickerIntent() {
        return new Intent(Intent.ACTION_OPEN_DOCUMENT).addCategory(Intent.CATEGORY_OPENABLE).setType("*/*");
    }

    /**
     * Reads the document at {@code uri}, refusing one larger than {@code maxBytes} (the server's
     * limit would refuse it after the upload; better before). Call off the main thread.
     */
    public static PickedDocument read(ContentResolver resolver, Uri uri, long maxBytes) throws IOException {
        String name = displayName(resolver, uri);
        try (InputStream in = resolver.openInputStream(uri)) {
            if (in == null) {
                throw new IOException("The picked file cannot be opened.");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > maxBytes) {
                    throw new IOException(name + " is larger than the " + maxBytes / 1_048_576 + " MB a file may have.");
                }
            }
            return new PickedDocument(name, bytes.toByteArray());
        }
    }

    public String name() {
        return name;
    }

    public byte[] content() {
        return content.clone();
    }

    private static String displayName(ContentResolver resolver, Uri uri) {
        try (Cursor cursor = resolver.query(uri, new String[] {OpenableColumns.DISPLAY_NAME}, null, null, null)) {
            if (cursor != null && cursor.moveToFirst()) {
                String name = cursor.getString(0);
                if (name != null && !name.trim().isEmpty()) {
                    return plain(name);
                }
            }
        } catch (RuntimeException e) {
            // a provider without the column: the URI's last segment names it
        }
        String last = uri.getLastPathSegment();
        return plain(last == null || last.trim().isEmpty() ? "file" : last);
    }

    private static String plain(String name) {
        String plain = name.replace('\\', '/');
        plain = plain.substring(plain.lastIndexOf('/') + 1).replace(':', '_').trim();
        return plain.isEmpty() ? "file" : plain;
    }
}
