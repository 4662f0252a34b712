package dev.tandem.server.ws;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.requests.ChatRequest;
import dev.tandem.server.requests.ChatRequests;
import io.javalin.websocket.WsConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /ws/request/{id}?token=}: the waiting customer's live view of their request
 * (docs/requests.md). The server sends {@code {"type":"request","request":{…}}} on connect and after
 * every change (position, accepted, cancelled, expired, follow-up). Frames from the customer are
 * ignored. A wrong id or token closes with 1008. Thread-safe.
 */
public final class RequestEndpoint {
    private final ChatRequests requests;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();

    private record Watch(String request, SocketSender sender) {
    }

    public RequestEndpoint(ChatRequests requests) {
        this.requests = requests;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ChatRequest request;
            try {
                request = requests.forCustomer(ctx.pathParam("id"), ctx.queryParam("token"));
            } catch (Rejection refused) {
                ctx.closeSession(ErrorCode.NOT_FOUND.socketCloseCode(), "There is no such request.");
                return;
            }
            Watch watch = new Watch(request.id(), new SocketSender(ctx.session));
            watches.put(ctx.sessionId(), watch);
            requests.watch(request, watch.sender());
        });
        ws.onMessage(ctx -> {
            // The customer acts through the REST API; frames are ignored.
        });
        ws.onClose(ctx -> {
            Watch watch = watches.remove(ctx.sessionId());
            if (watch != null) {
                requests.unwatch(watch.request(), watch.sender());
            }
        });
    }
}
