package dev.tandem.server.view;

import java.util.List;

/** The recovery codes of a confirmed authenticator app, shown once. */
public record RecoveryCodesView(List<String> recoveryCodes) {
}
