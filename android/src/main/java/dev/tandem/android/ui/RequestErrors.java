package dev.tandem.android.ui;

import android.content.Context;
import dev.tandem.android.R;
import dev.tandem.android.request.RequestRefused;

/**
 * A refused request call in the customer's language: the codes of docs/requests.md that a customer
 * can meet have their own sentence; anything else shows the server's sentence.
 */
final class RequestErrors {
    private RequestErrors() {
    }

    static String message(Context context, RequestRefused refused) {
        int known = known(refused.code());
        return known != 0 ? context.getString(known) : context.getString(R.string.help_error_other, refused.getMessage());
    }

    /** The string for {@code code}, or 0 when the app has none. */
    static int known(String code) {
        switch (code) {
            case "not_found":
                return R.string.help_error_not_found;
            case "requests_disabled":
                return R.string.help_error_requests_disabled;
            case "name_required":
                return R.string.help_error_name_required;
            case "name_too_long":
                return R.string.help_error_name_too_long;
            case "description_required":
                return R.string.help_error_description_required;
            case "description_too_long":
            case "body_too_large":
                return R.string.help_error_description_too_long;
            case "bad_address":
                return R.string.help_error_bad_address;
            case "bad_input":
                return R.string.help_error_bad_input;
            case "not_expired":
                return R.string.help_error_not_expired;
            case "rate_limited":
                return R.string.help_error_rate_limited;
            case "request_accepted":
                return R.string.help_error_request_accepted;
            case "request_expired":
                return R.string.help_error_request_expired;
            case RequestRefused.NETWORK:
                return R.string.help_error_network;
            default:
                return 0;
        }
    }
}
