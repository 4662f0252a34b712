package dev.tandem.server.net;

import dev.tandem.server.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The error answer of the Jetty-level guards, in the API's shape {@code {"error":{"code","message"}}},
 * written before any application code ran. The connection is closed after it: a client that has
 * been refused for being slow or greedy gets no second request on it.
 */
final class JsonRefusal {
    private JsonRefusal() {
    }

    static void write(Response response, Callback callback, ErrorCode refusal, String message, int retryAfterSeconds) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException(message));
            return;
        }
        response.setStatus(refusal.httpStatus());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (retryAfterSeconds > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        }
        String body = "{\"error\":{\"code\":\"" + refusal.code() + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}}";
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
