package dev.tandem.server.http;

import dev.tandem.server.edge.ContentSecurityPolicy;
import dev.tandem.server.i18n.Language;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.TandemStatus;
import dev.tandem.server.Links;
import dev.tandem.server.codes.SessionCodes;
import dev.tandem.server.domain.IssuedCode;
import dev.tandem.server.net.ClientAddresses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /join/{code}}: the page a customer lands on from the link. For a live code it offers the
 * app, the store and chat in the browser (the script {@code /assets/join.js} does the chat); for a
 * wrong, used or expired code it says so, and what to do, in the customer's language.
 */
final class JoinPage {
    private static final Map<TandemStatus, String[]> REFUSALS = Map.of(
            TandemStatus.CODE_NOT_FOUND, new String[] {"Code not found", "Código no encontrado",
                    "No hay ninguna sesión con este código. Compruebe los nueve dígitos o pida un código nuevo a su técnico."},
            TandemStatus.CODE_USED, new String[] {"Code already used", "Código ya utilizado",
                    "Este código ya se ha utilizado. Pida un código nuevo a su técnico."},
            TandemStatus.CODE_EXPIRED, new String[] {"Code expired", "Código caducado",
                    "Este código ha caducado. Pida un código nuevo a su técnico."},
            TandemStatus.CODE_CANCELLED, new String[] {"Code cancelled", "Código cancelado",
                    "El técnico ha cancelado este código. Pida un código nuevo a su técnico."},
            TandemStatus.RATE_LIMITED, new String[] {"Too many attempts", "Demasiados intentos",
                    "Demasiados códigos incorrectos desde esta dirección. Espere unos minutos y vuelva a intentarlo."});

    private final SessionCodes codes;
    private final String storeUrl;
    private final ClientAddresses clients;
    private final Links links;

    JoinPage(SessionCodes codes, String storeUrl, ClientAddresses clients, Links links) {
        this.clients = clients;
        this.links = links;
        this.codes = codes;
        this.storeUrl = storeUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/join/{code}", this::render);
        routes.get("/join/app/{session}/{token}", this::continueInApp);
    }

    /**
     * Where an "Invite to the app" link lands when Android did not open the app with it (issue 18.1):
     * the app is not installed, or the link was opened on a computer. The page offers to open the app
     * and the download; it does not look the token up (only the app's hello spends it), so it tells
     * nobody whether a token is good.
     */
    private void continueInApp(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", ContentSecurityPolicy.CUSTOMER_PAGE);
        String appLink = "tandem://join/app/" + ctx.pathParam("session") + "/" + ctx.pathParam("token")
                + "?server=" + links.base();
        boolean es = prefersSpanish(ctx);
        String title = es ? "Continúe en la aplicación Tandem" : "Continue in the Tandem app";
        String text = es ? "Abra este enlace en su teléfono Android. Si la aplicación no está instalada, instálela y"
                + " vuelva a tocar el enlace del chat (sirve una sola vez, durante 10 minutos)."
                : "Open this link on your Android phone. If the app is not installed, install it, then tap the link"
                + " in the chat again (it works once, for 10 minutes).";
        ctx.html(page(es ? "es" : "en", title, "<main class=\"refusal\" data-testid=\"continue-in-app\">"
                + "<p class=\"refusal__brand\">Tandem</p><h1>" + Html.escape(title) + "</h1><p>" + Html.escape(text)
                + "</p><p><a class=\"btn btn--primary\" href=\"" + Html.escape(appLink) + "\">"
                + (es ? "Abrir la aplicación" : "Open the app") + "</a> <a class=\"btn btn--secondary\" href=\""
                + Html.escape(storeUrl) + "\">" + (es ? "Descargar la aplicación" : "Download the app")
                + "</a></p></main>", false));
    }

    private void render(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        // Stricter than the console's policy; the other security headers come from the edge.
        ctx.header("Content-Security-Policy", ContentSecurityPolicy.CUSTOMER_PAGE);
        try {
            IssuedCode code = codes.redeemable(ctx.pathParam("code"), clients.of(ctx));
            // The portal's language when it fixes one, else the browser's (the page's script decides the same way).
            Language language = Language.of(code.portal().language()).orElse(CallerLanguage.of(ctx));
            ctx.html(page(language.tag(), language == Language.ES ? "Únase a su sesión de asistencia"
                    : "Join your support session",
                    "<div id=\"join\" data-code=\"" + Html.escape(code.code()) + "\" data-lang=\""
                            + Html.escape(code.portal().language()) + "\" data-app-link=\""
                            + Html.escape(Links.appLink(code.code())) + "\" data-store-link=\"" + Html.escape(storeUrl)
                            + "\" data-technician=\""
                            + Html.escape(code.technicianName()) + "\"></div>"
                            + "<noscript><p>Open the Tandem app and type the code " + Html.escape(code.code())
                            + ". / Abra la aplicación Tandem y escriba el código " + Html.escape(code.code()) + ".</p></noscript>",
                    true));
        } catch (ProtocolException refused) {
            TandemStatus status = refused.status();
            String[] spanish = REFUSALS.getOrDefault(status, REFUSALS.get(TandemStatus.CODE_NOT_FOUND));
            boolean es = prefersSpanish(ctx);
            String title = es ? spanish[1] : spanish[0];
            String message = es ? spanish[2] : status.message();
            ctx.status(status.httpStatus());
            String hint = status == TandemStatus.RATE_LIMITED ? "" : es ? "Su técnico puede crear un código nuevo en unos segundos y enviárselo por correo o mensaje."
                    : "Your technician can create a new code in seconds and send it by email or message.";
            ctx.html(page(es ? "es" : "en", title, "<main class=\"refusal\" data-status=\"" + status.code() + "\">"
                    + "<p class=\"refusal__brand\">Tandem</p><h1>" + Html.escape(title) + "</h1><p>" + Html.escape(message)
                    + "</p>" + (hint.isEmpty() ? "" : "<p class=\"refusal__hint\">" + Html.escape(hint) + "</p>") + "</main>", false));
        }
    }

    private static boolean prefersSpanish(Context ctx) {
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).startsWith("es");
    }

    private static String page(String language, String title, String body, boolean withScript) {
        return "<!doctype html><html lang=\"" + Html.escape(language) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · Tandem</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/join.css\">"
                + (withScript ? "<script type=\"module\" src=\"/assets/join.js\"></script>" : "")
                + "</head><body class=\"tandem-join\">" + body + "</body></html>";
    }
}
