package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TandemStatusTest {

    @Test
    void everyCloseCodeAndRestCodeIsUniqueAndInThePrivateRange() {
        assertThat(Arrays.stream(TandemStatus.values()).map(TandemStatus::closeCode)).doesNotHaveDuplicates()
                .allMatch(code -> code >= 4000 && code <= 4999);
        assertThat(Arrays.stream(TandemStatus.values()).map(TandemStatus::code)).doesNotHaveDuplicates();
    }

    @Test
    void closeCodesMapBackToTheirStatus() {
        for (TandemStatus status : TandemStatus.values()) {
            assertThat(TandemStatus.fromCloseCode(status.closeCode())).isSameAs(status);
        }
        assertThat(TandemStatus.fromCloseCode(1006)).isNull();
    }

    @Test
    void codeProblemsAreFinalAndTellTheCustomerWhatToDo() {
        assertThat(TandemStatus.CODE_EXPIRED.isFinal()).isTrue();
        assertThat(TandemStatus.CODE_EXPIRED.message()).contains("new code");
        assertThat(TandemStatus.HEARTBEAT_TIMEOUT.isFinal()).isFalse();
    }
}
