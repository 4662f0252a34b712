package dev.tandem.server.http;

import dev.tandem.server.edge.ContentSecurityPolicy;
import dev.tandem.server.requests.ChatRequest;
import dev.tandem.server.requests.ChatRequests;
import dev.tandem.server.i18n.Language;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.Rejection;
import dev.tandem.server.domain.Portal;



import dev.tandem.server.net.ClientAddresses;
import dev.tandem.server.view.AcceptedRequestView;
import dev.tandem.server.view.NewRequestView;
import dev.tandem.server.view.PortalPublicView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * The request API (docs/requests.md) and the portal's customer page {@code /portal/{slug}}.
 * Customers are not signed in: they hold the token returned when they created the request, sent
 * as {@code X-Request-Token} or {@code ?token=}. Technicians are signed in; every enabled
 * technician and administrator may see and take every waiting request.
 */
public final class RequestRoutes {
    public static final String TOKEN_HEADER = "X-Request-Token";
    private final ChatRequests requests;
    private final Authenticator auth;
    private final Bodies bodies;
    private final ClientAddresses clients;

    public RequestRoutes(ChatRequests requests, Authenticator auth, Bodies bodies, ClientAddresses clients) {
        this.clients = clients;
        this.requests = requests;
        this.auth = auth;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.get("/portal/{slug}", this::page);
        routes.get("/api/v1/portals/{slug}/public", ctx -> {
            Portal portal = requests.portalOrNotFound(ctx.pathParam("slug"));
            ctx.header("Cache-Control", "no-store");
            ctx.json(PortalPublicView.of(portal));
        });
        routes.post("/api/v1/portals/{slug}/requests", ctx -> {
            JsonNode body = bodies.object(ctx);
            DeviceInfo device = null;
            JsonNode deviceNode = body.get("device");
            if (deviceNode != null && !deviceNode.isNull()) {
                if (!deviceNode.isObject()) {
                    throw Rejection.badInput("'device' must be an object.");
                }
                device = new DeviceInfo(Bodies.text(deviceNode, "manufacturer").orElse(null),
                        Bodies.text(deviceNode, "model").orElse(null), null, 0,
                        Bodies.text(deviceNode, "profile").orElse(null));
            }
            ChatRequests.Created created = requests.create(ctx.pathParam("slug"), new ChatRequests.NewRequest(
                    Bodies.text(body, "name").orElse(null), Bodies.text(body, "description").orElse(null),
                    Bodies.text(body, "email").orElse(null), device), clients.of(ctx));
            ctx.header("Cache-Control", "no-store");
            ctx.status(201).json(new NewRequestView(requests.customerView(created.request()), created.token()));
        });
        routes.get("/api/v1/requests/{id}", ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.json(requests.customerView(requests.forCustomer(ctx.pathParam("id"), token(ctx))));
        });
        routes.post("/api/v1/requests/{id}/cancel", ctx ->
                ctx.json(requests.customerView(requests.cancel(ctx.pathParam("id"), token(ctx)))));
        routes.post("/api/v1/requests/{id}/follow-up", ctx -> {
            JsonNode body = bodies.object(ctx);
            ctx.json(requests.customerView(requests.followUp(ctx.pathParam("id"), token(ctx),
                    Bodies.text(body, "email").orElse(null))));
        });
        routes.get("/api/v1/requests", ctx -> {
            auth.require(ctx);
            String status = Optional.ofNullable(ctx.queryParam("status")).orElse("waiting");
            Optional<ChatRequest.Status> filter = switch (status) {
                case "all" -> Optional.empty();
                case "waiting" -> Optional.of(ChatRequest.Status.WAITING);
                case "expired" -> Optional.of(ChatRequest.Status.EXPIRED);
                case "accepted" -> Optional.of(ChatRequest.Status.ACCEPTED);
                case "cancelled" -> Optional.of(ChatRequest.Status.CANCELLED);
                default -> throw Rejection.badInput(
                        "'status' must be waiting, expired, accepted, cancelled or all.");
            };
            ctx.json(requests.list(filter));
        });
        routes.post("/api/v1/requests/{id}/accept", ctx -> {
            String session = requests.accept(auth.require(ctx), ctx.pathParam("id"));
            ctx.json(new AcceptedRequestView(session));
        });
    }

    private static String token(Context ctx) {
        String header = ctx.header(TOKEN_HEADER);
        return header != null ? header : ctx.queryParam("token");
    }

    // ---- /portal/{slug} ----------------------------------------------------------------------

    private void page(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        // Stricter than the console's policy; the other security headers come from the edge.
        ctx.header("Content-Security-Policy", ContentSecurityPolicy.CUSTOMER_PAGE);
        Optional<Portal> found = requests.findPortal(ctx.pathParam("slug"));
        // The portal's language when it fixes one, else the browser's (the page's script decides the same way).
        boolean es = found.flatMap(p -> Language.of(p.language())).map(l -> l == Language.ES)
                .orElseGet(() -> prefersSpanish(ctx));
        if (found.isEmpty()) {
            ctx.status(404).html(refusal(es, es ? "Portal no encontrado" : "Portal not found", es
                    ? "No hay ningún portal de asistencia con esta dirección. Compruebe el enlace que le han dado."
                    : "There is no support portal at this address. Check the link you were given."));
            return;
        }
        Portal portal = found.get();
        if (!portal.allowChatRequests()) {
            ctx.status(403).html(refusal(es, es ? "Chat no disponible" : "Chat not available", es
                    ? "Este portal no atiende solicitudes de chat. Póngase en contacto con su servicio de asistencia de otra forma."
                    : "This portal does not take chat requests. Contact your support team another way."));
            return;
        }
        String body = "<div id=\"portal\" data-slug=\"" + Html.escape(portal.slug()) + "\" data-lang=\""
                + Html.escape(portal.language()) + "\" data-welcome=\"" + Html.escape(portal.welcomeText()) + "\" data-color=\""
                + Html.escape(portal.brandColor()) + "\" data-timeout=\"" + portal.requestTimeoutMinutes() + "\"></div>"
                + "<noscript><p>" + (es ? "Active JavaScript para pedir un chat con el servicio de asistencia."
                : "Turn on JavaScript to ask the support team for a chat.") + "</p></noscript>";
        ctx.html(page(es ? "es" : "en", es ? "Chat con el servicio de asistencia" : "Chat with support", body, true));
    }

    private static String refusal(boolean es, String title, String message) {
        return page(es ? "es" : "en", title, "<main class=\"refusal\"><p class=\"refusal__brand\">Tandem</p><h1>"
                + Html.escape(title) + "</h1><p>" + Html.escape(message) + "</p></main>", false);
    }

    private static boolean prefersSpanish(Context ctx) {
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("es");
    }

    private static String page(String language, String title, String body, boolean withScript) {
        return "<!doctype html><html lang=\"" + Html.escape(language) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · Tandem</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/join.css\">"
                + (withScript ? "<link rel=\"stylesheet\" href=\"/assets/portal.css\">"
                        + "<script type=\"module\" src=\"/assets/portal.js\"></script>" : "")
                + "</head><body class=\"tandem-join tandem-portal\">" + body + "</body></html>";
    }
}
