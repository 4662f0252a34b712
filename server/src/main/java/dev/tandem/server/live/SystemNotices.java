package dev.tandem.server.live;

import dev.tandem.protocol.message.DeviceInfo;

/**
 * The system lines of a transcript, in the portal's language (the customer reads them too).
 */
final class SystemNotices {
    private SystemNotices() {
    }

    static String joined(String language, String customer, DeviceInfo device) {
        String phone = phone(device);
        return es(language) ? customer + " se ha unido a la sesión" + (phone.isEmpty() ? "." : " desde " + phone + ".")
                : customer + " joined the session" + (phone.isEmpty() ? "." : " from " + phone + ".");
    }

    static String left(String language, String customer) {
        return es(language) ? customer + " ha salido de la sesión." : customer + " left the session.";
    }

    static String endedByTechnician(String language, String technician) {
        return es(language) ? technician + " ha finalizado la sesión." : technician + " ended the session.";
    }

    static String endedByServer(String language, String reason) {
        return es(language) ? "La sesión ha finalizado: " + reason : "The session ended: " + reason;
    }

    static String connectionLost(String language) {
        return es(language) ? "el teléfono del cliente no se ha vuelto a conectar a tiempo."
                : "the customer's phone did not reconnect in time.";
    }

    static String screenRequested(String language, String technician, String customer) {
        return es(language) ? technician + " ha pedido ver la pantalla de " + customer + "."
                : technician + " asked to see " + customer + "'s screen.";
    }

    static String screenSharedWithoutAsking(String language, String technician, String customer) {
        return es(language) ? technician + " está viendo la pantalla de " + customer
                + " (este portal la comparte sin preguntar; " + customer + " puede detenerlo en cualquier momento)."
                : technician + " is viewing " + customer + "'s screen (this portal shares it without asking; "
                + customer + " can stop it at any time).";
    }

    static String screenAllowed(String language, String customer) {
        return es(language) ? customer + " está compartiendo la pantalla." : customer + " is sharing the screen.";
    }

    static String screenDeclined(String language, String customer) {
        return es(language) ? customer + " no ha permitido compartir la pantalla."
                : customer + " declined to share the screen.";
    }

    static String screenStoppedByCustomer(String language, String customer) {
        return es(language) ? customer + " ha dejado de compartir la pantalla." : customer + " stopped sharing the screen.";
    }

    static String screenStoppedByTechnician(String language, String technician) {
        return es(language) ? technician + " ha dejado de ver la pantalla." : technician + " stopped viewing the screen.";
    }

    static String controlRequested(String language, String technician) {
        return es(language) ? technician + " ha pedido controlar el teléfono."
                : technician + " asked to control the phone.";
    }

    static String controlAllowed(String language, String customer, String technician) {
        return es(language) ? customer + " ha permitido que " + technician + " controle el teléfono."
                : customer + " allowed " + technician + " to control the phone.";
    }

    static String controlDeclined(String language, String customer) {
        return es(language) ? customer + " no ha permitido el control remoto." : customer + " declined remote control.";
    }

    static String controlTakenBack(String language, String customer) {
        return es(language) ? customer + " ha recuperado el control del teléfono." : customer + " took back control of the phone.";
    }

    static String controlReleased(String language, String technician) {
        return es(language) ? technician + " ha dejado de controlar el teléfono." : technician + " released control of the phone.";
    }

    /** The question on the customer's phone. */
    static String screenQuestion(String language, String technician) {
        return es(language) ? "¿Permites que " + technician + " vea tu pantalla?"
                : "Allow " + technician + " to see your screen?";
    }

    /** The notice on the customer's phone when the portal shares without asking. */
    static String screenNotice(String language, String technician) {
        return es(language) ? technician + " está viendo tu pantalla. Puedes detenerlo en cualquier momento."
                : technician + " is viewing your screen. You can stop it at any time.";
    }

    static String controlQuestion(String language, String technician) {
        return es(language) ? "¿Permites que " + technician + " controle tu teléfono (tocar, deslizar y escribir)?"
                : "Allow " + technician + " to control your phone (tap, swipe and type)?";
    }

    static String diagnosticsQuestion(String language, String technician) {
        return es(language) ? "¿Compartir la información del dispositivo con " + technician + "?"
                : "Share device information with " + technician + "?";
    }

    static String diagnosticsRequested(String language, String technician) {
        return es(language) ? technician + " ha pedido la información del dispositivo."
                : technician + " asked for the phone's device information.";
    }

    static String diagnosticsAllowed(String language, String customer) {
        return es(language) ? customer + " ha permitido compartir la información del dispositivo."
                : customer + " allowed sharing the device information.";
    }

    static String diagnosticsDeclined(String language, String customer) {
        return es(language) ? customer + " no ha permitido compartir la información del dispositivo."
                : customer + " declined to share the device information.";
    }

    static String diagnosticsReceived(String language, String customer) {
        return es(language) ? "Ha llegado la información del dispositivo de " + customer + "."
                : "The device information from " + customer + "'s phone arrived.";
    }

    static String logsQuestion(String language, String technician) {
        return es(language) ? "¿Enviar los archivos de registro del teléfono a " + technician + "?"
                : "Send your phone's log files to " + technician + "?";
    }

    static String logsRequested(String language, String technician) {
        return es(language) ? technician + " ha pedido los archivos de registro del teléfono."
                : technician + " asked for the phone's log files.";
    }

    static String logsAllowed(String language, String customer) {
        return es(language) ? customer + " ha aceptado enviar los archivos de registro."
                : customer + " agreed to send the log files.";
    }

    static String logsDeclined(String language, String customer) {
        return es(language) ? customer + " no ha querido enviar los archivos de registro."
                : customer + " declined to send the log files.";
    }

    static String logsReceived(String language, String customer, java.util.List<String> names,
                               java.util.List<String> refused) {
        String list = String.join(", ", names);
        String text = es(language) ? "Archivos de registro de " + customer + ": " + (list.isEmpty() ? "ninguno" : list) + "."
                : "Log files from " + customer + ": " + (list.isEmpty() ? "none" : list) + ".";
        if (!refused.isEmpty()) {
            text += (es(language) ? " Rechazados: " : " Refused: ") + String.join("; ", refused);
        }
        return text;
    }

    static String logsEmailed(String language, String technician, int files, String to) {
        return es(language) ? technician + " ha enviado " + files + " archivo(s) de registro por correo a " + to + "."
                : technician + " emailed " + files + " log file" + (files == 1 ? "" : "s") + " to " + to + ".";
    }

    static String phoneOf(DeviceInfo device) {
        return phone(device);
    }

    private static String phone(DeviceInfo device) {
        if (device == null || device.model == null) {
            return "";
        }
        String name = (device.manufacturer == null ? "" : device.manufacturer + " ") + device.model;
        return device.androidVersion == null ? name : name + " (Android " + device.androidVersion + ")";
    }

    private static boolean es(String language) {
        return "es".equals(language);
    }
}
