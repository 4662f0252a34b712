package dev.tandem.android.ui;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.Intent;
import android.text.format.Formatter;
import android.widget.Toast;
import dev.tandem.agent.files.FileOffer;
import dev.tandem.agent.files.FileRequest;
import dev.tandem.android.R;
import dev.tandem.android.files.PickedDocument;
import dev.tandem.android.session.SessionFiles;

/**
 * Files both ways on the chat screen (docs/files.md): an offer asks "Save it to Downloads?" (Save /
 * Decline), a request asks the customer to pick a file (Pick a file opens the system's picker,
 * ACTION_OPEN_DOCUMENT; Decline), and what became of the latest file shows as a short notice. One
 * question at a time, oldest first.
 */
final class FileDialogs {
    static final int PICK_REQUEST_CODE = 0x7A4D;
    private final Activity activity;
    private final SessionFiles files;
    private AlertDialog dialog;
    private Object shown;
    private FileRequest picking;

    FileDialogs(Activity activity, SessionFiles files) {
        this.activity = activity;
        this.files = files;
    }

    void show(SessionFiles state) {
        SessionFiles.Outcome outcome = state.takeOutcome();
        if (outcome != null) {
            Toast.makeText(activity, outcomeText(outcome), Toast.LENGTH_LONG).show();
        }
        Object next = !state.offers().isEmpty() ? state.offers().get(0)
                : !state.requests().isEmpty() && picking == null ? state.requests().get(0) : null;
        if (next == shown) {
            return;
        }
        if (dialog != null) {
            dialog.dismiss();
            dialog = null;
        }
        shown = next;
        if (next instanceof FileOffer) {
            FileOffer offer = (FileOffer) next;
            dialog = new AlertDialog.Builder(activity).setTitle(R.string.files_offer_title)
                    .setMessage(activity.getString(R.string.files_offer_text, offer.from(), offer.name(),
                            Formatter.formatShortFileSize(activity, offer.size())))
                    .setCancelable(false)
                    .setPositiveButton(R.string.files_save, (d, w) -> files.accept(offer))
                    .setNegativeButton(R.string.files_decline, (d, w) -> files.decline(offer))
                    .show();
        } else if (next instanceof FileRequest) {
            FileRequest request = (FileRequest) next;
            dialog = new AlertDialog.Builder(activity).setTitle(R.string.files_request_title)
                    .setMessage(activity.getString(R.string.files_request_text, request.from()))
                    .setCancelable(false)
                    .setPositiveButton(R.string.files_pick, (d, w) -> pick(request))
                    .setNegativeButton(R.string.files_decline, (d, w) -> files.decline(request))
                    .show();
        }
    }

    /** The picker's answer: the one document the customer chose is sent; cancelled, the question comes back. */
    void picked(int requestCode, int resultCode, Intent data) {
        if (requestCode != PICK_REQUEST_CODE || picking == null) {
            return;
        }
        FileRequest request = picking;
        picking = null;
        shown = null;
        if (resultCode == Activity.RESULT_OK && data != null && data.getData() != null) {
            files.send(request, activity.getContentResolver(), data.getData());
        } else {
            show(files);
        }
    }

    private void pick(FileRequest request) {
        picking = request;
        activity.startActivityForResult(PickedDocument.pickerIntent(), PICK_REQUEST_CODE);
    }

    private String outcomeText(SessionFiles.Outcome outcome) {
        switch (outcome.kind) {
            case SAVED:
                return activity.getString(R.string.files_saved, outcome.name);
            case SENT:
                return activity.getString(R.string.files_sent, outcome.name);
            default:
                return activity.getString(R.string.files_failed, outcome.reason == null ? "" : outcome.reason);
        }
    }
}
