package dev.tandem.server.net;

import dev.tandem.server.ErrorCode;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the requests one client (its {@link ClientAddress#limitKey()}, decided by
 * {@link ClientAddresses}, so behind a trusted proxy it is the real client) has in progress at once,
 * from the moment its headers arrived until its answer was sent. One more is refused at once with
 * 429 and {@code Retry-After}: no client can take more than its share of the server's threads or
 * of the memory that bodies wait in, however slowly it reads or writes.
 *
 * <p>A client appears in the map only while it has requests in progress, so the map is no larger
 * than the requests in progress. Thread-safe.
 */
public final class RequestsPerAddress extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(RequestsPerAddress.class);
    private final ClientAddresses clients;
    private final int limit;
    private final CountsPerKey inProgress = new CountsPerKey();

    public RequestsPerAddress(ClientAddresses clients, int limit) {
        this.clients = clients;
        this.limit = limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String key = clients.of(request).limitKey();
        if (inProgress.acquire(key) > limit) {
            release(key);
            LOG.debug("Refused a request from {}: {} already in progress", key, limit);
            JsonRefusal.write(response, callback, ErrorCode.TOO_MANY_REQUESTS, "Too many requests from your address at "
                    + "once. Wait for the ones in progress, then try again.", 1);
            return true;
        }
        Callback done = Callback.from(callback, () -> release(key));
        try {
            if (super.handle(request, response, done)) {
                return true;
            }
        } catch (Throwable failure) {
            release(key);
            throw failure;
        }
        release(key);
        return false;
    }

    /** Requests in progress right now (for metrics). */
    public int inProgress() {
        return inProgress.total();
    }

    private void release(String key) {
        inProgress.release(key);
    }
}
