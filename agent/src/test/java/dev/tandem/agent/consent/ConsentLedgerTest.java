package dev.tandem.agent.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.consent.ConsentLedger.Decision;
import org.junit.jupiter.api.Test;

class ConsentLedgerTest {

    @Test
    void nothingIsGrantedUntilTheCustomerSaysYes() {
        ConsentLedger ledger = new ConsentLedger();
        for (ConsentKind kind : ConsentKind.values()) {
            assertThat(ledger.isGranted(kind)).isFalse();
            assertThat(ledger.decision(kind)).isEqualTo(Decision.NOT_ASKED);
        }
        ledger.record(ConsentKind.DIAGNOSTICS, false);
        assertThat(ledger.isGranted(ConsentKind.DIAGNOSTICS)).isFalse();
        assertThat(ledger.decision(ConsentKind.DIAGNOSTICS)).isEqualTo(Decision.DECLINED);
        ledger.record(ConsentKind.DIAGNOSTICS, true);
        assertThat(ledger.isGranted(ConsentKind.DIAGNOSTICS)).isTrue();
        ledger.record(ConsentKind.DIAGNOSTICS, false);
        assertThat(ledger.isGranted(ConsentKind.DIAGNOSTICS)).as("the latest answer counts").isFalse();
    }

    @Test
    void stopRevokesScreenAndControlButNotDiagnosticsOrLogs() {
        ConsentLedger ledger = new ConsentLedger();
        for (ConsentKind kind : ConsentKind.values()) {
            ledger.record(kind, true);
        }

        assertThat(ledger.stop()).isTrue();
        assertThat(ledger.isGranted(ConsentKind.SCREEN)).isFalse();
        assertThat(ledger.isGranted(ConsentKind.CONTROL)).isFalse();
        assertThat(ledger.decision(ConsentKind.SCREEN)).isEqualTo(Decision.STOPPED);
        assertThat(ledger.isGranted(ConsentKind.DIAGNOSTICS)).isTrue();
        assertThat(ledger.isGranted(ConsentKind.LOGS)).isTrue();
        assertThat(ledger.stop()).as("nothing left to stop").isFalse();

        ledger.record(ConsentKind.SCREEN, true);
        assertThat(ledger.isGranted(ConsentKind.SCREEN)).as("asked again and granted again").isTrue();
    }

    @Test
    void stopKeepsADeclineADecline() {
        ConsentLedger ledger = new ConsentLedger();
        ledger.record(ConsentKind.CONTROL, false);
        assertThat(ledger.stop()).isFalse();
        assertThat(ledger.decision(ConsentKind.CONTROL)).isEqualTo(Decision.DECLINED);
    }

    @Test
    void kindsUseTheProtocolsNames() {
        assertThat(ConsentKind.fromWireName("screen")).contains(ConsentKind.SCREEN);
        assertThat(ConsentKind.fromWireName("control")).contains(ConsentKind.CONTROL);
        assertThat(ConsentKind.fromWireName("diagnostics")).contains(ConsentKind.DIAGNOSTICS);
        assertThat(ConsentKind.fromWireName("logs")).contains(ConsentKind.LOGS);
        assertThat(ConsentKind.fromWireName("camera")).isEmpty();
        assertThat(ConsentKind.fromWireName(null)).isEmpty();
    }
}
