package dev.tandem.server.mail;

import dev.tandem.protocol.SessionCode;
import java.time.Duration;

/** The text of a session invitation, in English or Spanish. */
public record InvitationEmail(String subject, String body) {

    public static InvitationEmail compose(String language, String digits, String joinUrl, String technician,
                                          Duration lifetime) {
        String code = SessionCode.parse(digits).map(SessionCode::grouped).orElse(digits);
        long minutes = Math.max(1, lifetime.toMinutes());
        if ("es".equals(language)) {
            return new InvitationEmail("Su código de sesión de asistencia: " + code,
                    "Hola:\n\n" + technician + " le invita a una sesión de asistencia remota con Tandem.\n\n"
                            + "Toque este enlace en su teléfono Android para unirse:\n" + joinUrl + "\n\n"
                            + "Si la aplicación Tandem no está instalada, el enlace le llevará a la tienda para instalarla; "
                            + "después, vuelva a tocar el enlace. También puede abrir la aplicación y escribir el código "
                            + code + ".\n\n"
                            + "El código es de un solo uso y caduca en " + minutes + " minutos.\n\n"
                            + "Si no ha solicitado asistencia, ignore este mensaje.\n");
        }
        return new InvitationEmail("Your support session code: " + code,
                "Hello,\n\n" + technician + " invites you to a remote support session with Tandem.\n\n"
                        + "Tap this link on your Android phone to join:\n" + joinUrl + "\n\n"
                        + "If the Tandem app is not installed, the link takes you to the store to install it; then tap "
                        + "the link again. You can also open the app and type the code " + code + ".\n\n"
                        + "The code can be used once and expires in " + minutes + " minutes.\n\n"
                        + "If you did not ask for support, ignore this message.\n");
    }
}
