package dev.tandem.server.records;

import dev.tandem.protocol.message.DeviceInfo;
import dev.tandem.server.i18n.Phrase;
import java.util.List;

/**
 * The system lines of a transcript and the questions on the customer's phone, as phrases of the
 * catalogue ({@code event.*}, {@code prompt.*} in the console's en.ts / es.ts). They are stored as
 * phrases and worded for each reader: the technician's console, the customer's phone or browser, a
 * REST caller. A phrase with a customer's version ({@code <key>.customer}) shows the customer
 * nothing internal.
 */
public final class SystemNotices {
    /** The device profile of a customer chatting from a web page (the join page or a portal's page). */
    private static final String WEB_PROFILE = "web";

    private SystemNotices() {
    }

    public static Phrase joined(String customer, DeviceInfo device) {
        if (device != null && WEB_PROFILE.equals(device.profile)) {
            return Phrase.of("event.joinedFromBrowser", "customer", customer, "browser",
                    device.model == null ? "" : device.model);
        }
        String phone = phone(device);
        return phone.isEmpty() ? Phrase.of("event.joinedNoPhone", "customer", customer)
                : Phrase.of("event.joined", "customer", customer, "phone", phone);
    }

    public static Phrase requestTaken(String technician, String customer, String description) {
        return Phrase.of("event.requestTaken", "technician", technician, "customer", customer,
                "description", description);
    }

    public static Phrase left(String customer) {
        return Phrase.of("event.left", "customer", customer);
    }

    public static Phrase endedByTechnician(String technician) {
        return Phrase.of("event.endedByTechnician", "technician", technician);
    }

    public static Phrase endedConnectionLost() {
        return Phrase.of("event.endedConnectionLost");
    }

    public static Phrase screenRequested(String technician, String customer) {
        return Phrase.of("event.screenRequested", "technician", technician, "customer", customer);
    }

    public static Phrase screenSharedWithoutAsking(String technician, String customer) {
        return Phrase.of("event.screenSharedWithoutAsking", "technician", technician, "customer", customer);
    }

    public static Phrase screenAllowed(String customer) {
        return Phrase.of("event.screenAllowed", "customer", customer);
    }

    public static Phrase screenDeclined(String customer) {
        return Phrase.of("event.screenDeclined", "customer", customer);
    }

    public static Phrase screenStoppedByCustomer(String customer) {
        return Phrase.of("event.screenStoppedByCustomer", "customer", customer);
    }

    public static Phrase screenStoppedByTechnician(String technician) {
        return Phrase.of("event.screenStoppedByTechnician", "technician", technician);
    }

    public static Phrase controlRequested(String technician) {
        return Phrase.of("event.controlRequested", "technician", technician);
    }

    public static Phrase controlAllowed(String customer, String technician) {
        return Phrase.of("event.controlAllowed", "customer", customer, "technician", technician);
    }

    public static Phrase controlDeclined(String customer) {
        return Phrase.of("event.controlDeclined", "customer", customer);
    }

    public static Phrase controlTakenBack(String customer) {
        return Phrase.of("event.controlTakenBack", "customer", customer);
    }

    public static Phrase controlReleased(String technician) {
        return Phrase.of("event.controlReleased", "technician", technician);
    }

    /** The question on the customer's phone. */
    public static Phrase screenQuestion(String technician) {
        return Phrase.of("prompt.screen", "technician", technician);
    }

    /** The notice on the customer's phone when the portal shares without asking. */
    public static Phrase screenNotice(String technician) {
        return Phrase.of("prompt.screenNotice", "technician", technician);
    }

    public static Phrase controlQuestion(String technician) {
        return Phrase.of("prompt.control", "technician", technician);
    }

    public static Phrase diagnosticsQuestion(String technician) {
        return Phrase.of("prompt.diagnostics", "technician", technician);
    }

    public static Phrase logsQuestion(String technician) {
        return Phrase.of("prompt.logs", "technician", technician);
    }

    public static Phrase diagnosticsRequested(String technician) {
        return Phrase.of("event.diagnosticsRequested", "technician", technician);
    }

    public static Phrase diagnosticsAllowed(String customer) {
        return Phrase.of("event.diagnosticsAllowed", "customer", customer);
    }

    public static Phrase diagnosticsDeclined(String customer) {
        return Phrase.of("event.diagnosticsDeclined", "customer", customer);
    }

    public static Phrase diagnosticsReceived(String customer) {
        return Phrase.of("event.diagnosticsReceived", "customer", customer);
    }

    public static Phrase logsRequested(String technician) {
        return Phrase.of("event.logsRequested", "technician", technician);
    }

    public static Phrase logsAllowed(String customer) {
        return Phrase.of("event.logsAllowed", "customer", customer);
    }

    public static Phrase logsDeclined(String customer) {
        return Phrase.of("event.logsDeclined", "customer", customer);
    }

    /** The files that arrived; the refused ones are named in a line of their own. */
    public static Phrase logsReceived(String customer, List<String> names) {
        return names.isEmpty() ? Phrase.of("event.logsReceivedNone", "customer", customer)
                : Phrase.of("event.logsReceived", "customer", customer, "files", String.join(", ", names));
    }

    public static Phrase logsRefused(List<String> names) {
        return Phrase.of("event.logsRefused", "files", String.join(", ", names));
    }

    /** The address stays with the technicians: the customer's version does not name it. */
    public static Phrase logsEmailed(String technician, int files, String to) {
        return Phrase.of("event.logsEmailed", "technician", technician, "count", String.valueOf(files), "to", to);
    }

    static String phoneOf(DeviceInfo device) {
        return phone(device);
    }

    private static String phone(DeviceInfo device) {
        if (device == null || device.model == null) {
            return "";
        }
        String maker = device.manufacturer == null ? "" : device.manufacturer.strip();
        String model = device.model.strip();
        String name = maker.isEmpty() || model.toLowerCase(java.util.Locale.ROOT).startsWith(maker.toLowerCase(java.util.Locale.ROOT))
                ? model : capitalised(maker) + " " + model;
        return device.androidVersion == null ? name : name + " (Android " + device.androidVersion + ")";
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
