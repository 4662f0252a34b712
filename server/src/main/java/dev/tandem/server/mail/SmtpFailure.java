package dev.tandem.server.mail;

import dev.tandem.server.ServerConfig.SmtpSettings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Says why a delivery failed in a sentence for the Outbox and the test email, in a few fixed
 * kinds: no TLS where a password needed it, a certificate Tandem does not trust, the user name or
 * password refused, a recipient or the message refused (with the SMTP reply code), or no SMTP
 * server there. It never repeats what a port answered, so the test email tells nothing about a
 * port that is not an SMTP server; the raw cause goes to the server log only.
 */
final class SmtpFailure {
    private SmtpFailure() {
    }

    static String describe(Throwable failure, SmtpSettings server) {
        String where = server.host() + ":" + server.port();
        if (failure instanceof SmtpPortRefused) {
            return failure.getMessage();
        }
        String text = messages(failure);
        if (text.contains("STARTTLS is required") || text.contains("does not support STARTTLS")) {
            return "The SMTP server at " + where + " offers no TLS (STARTTLS), so Tandem did not send the password "
                    + "unencrypted. Use smtps://, a server that offers STARTTLS, or add ?insecure=true to the SMTP "
                    + "URL to allow an unencrypted password.";
        }
        if (causedBy(failure, SSLException.class) || text.contains("verify identity of server")
                || text.contains("PKIX") || text.contains("certificate")) {
            return "The TLS connection to the SMTP server at " + where + " failed: its certificate is not trusted or "
                    + "not made out to " + server.host() + " (for a private CA, start the server with --ca-file); "
                    + "nothing was sent, so the mail stays encrypted or unsent.";
        }
        if (failure instanceof AuthenticationFailedException) {
            return "The SMTP server at " + where + " refused the user name or password.";
        }
        if (failure instanceof SMTPAddressFailedException refused) {
            return "The SMTP server at " + where + " refused the recipient " + refused.getAddress() + " (SMTP reply "
                    + refused.getReturnCode() + ").";
        }
        if (failure instanceof SMTPSendFailedException refused) {
            return "The SMTP server at " + where + " refused the message (SMTP reply " + refused.getReturnCode() + ").";
        }
        if (failure instanceof SendFailedException) {
            return "The SMTP server at " + where + " refused the recipient.";
        }
        if (causedBy(failure, UnknownHostException.class)) {
            return "The SMTP host " + server.host() + " is not known: check the name in the SMTP URL.";
        }
        return "No SMTP server answered at " + where + ": check the host and the port, and that the server is running.";
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                all.append(t.getMessage()).append(' ');
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null
                    && messaging.getNextException() != t.getCause()) {
                all.append(messages(messaging.getNextException()));
            }
        }
        return all.toString();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Delivery to a port that is not an SMTP port was not tried. */
    static final class SmtpPortRefused extends MessagingException {
        private static final long serialVersionUID = 1L;

        SmtpPortRefused(String message) {
            super(message);
        }
    }
}
