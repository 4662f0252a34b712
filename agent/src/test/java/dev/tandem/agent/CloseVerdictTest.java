package dev.tandem.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.agent.transport.ConnectionListener;
import dev.tandem.protocol.TandemStatus;
import org.junit.jupiter.api.Test;

class CloseVerdictTest {

    @Test
    void finalStatusesStopAndTheOthersRetry() {
        for (TandemStatus status : TandemStatus.values()) {
            CloseVerdict expected = status.isFinal() ? CloseVerdict.REFUSED : CloseVerdict.RETRY;
            assertThat(CloseVerdict.of(status.closeCode(), true)).as(status.name()).isEqualTo(expected);
            assertThat(CloseVerdict.of(status.closeCode(), false)).as(status.name()).isEqualTo(expected);
        }
    }

    @Test
    void networkTroubleIsRetriedOnlyWithASessionToGoBackTo() {
        for (int code : new int[] {ConnectionListener.NEVER_CONNECTED, 1000, 1001, 1006, 1011, 1012, 1013}) {
            assertThat(CloseVerdict.of(code, true)).as("code %d with a session", code).isEqualTo(CloseVerdict.RETRY);
            assertThat(CloseVerdict.of(code, false)).as("code %d before joining", code).isEqualTo(CloseVerdict.FAILED);
        }
    }

    @Test
    void failuresRetryingCannotFixStop() {
        for (int code : new int[] {1002, 1003, 1008, 1009, 1015}) {
            assertThat(CloseVerdict.of(code, true)).as("code %d", code).isEqualTo(CloseVerdict.FAILED);
        }
    }
}
