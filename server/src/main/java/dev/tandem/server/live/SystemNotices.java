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
