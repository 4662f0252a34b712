package dev.tandem.server.http;

import dev.tandem.server.i18n.Language;
import io.javalin.http.Context;

/**
 * The language REST answers are worded in (transcript lines, audit details): the request's
 * {@code Accept-Language} (the console sends the language the technician chose), English when it
 * names none Tandem speaks. A header, not a stored preference, so that a script and a console of
 * the same user each get their own.
 */
final class CallerLanguage {
    private CallerLanguage() {
    }

    static Language of(Context ctx) {
        return Language.fromAcceptLanguage(ctx.header("Accept-Language"));
    }
}
