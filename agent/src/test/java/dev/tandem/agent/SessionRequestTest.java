package dev.tandem.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.SessionCode;
import dev.tandem.protocol.message.Capabilities;
import dev.tandem.protocol.message.DeviceInfo;
import org.junit.jupiter.api.Test;

class SessionRequestTest {
    private static final ServerAddress SERVER = ServerAddress.parse("http://localhost:8080");
    private static final SessionCode CODE = SessionCode.parse("123456789").orElseThrow();
    private static final DeviceInfo PHONE = new DeviceInfo("samsung", "SM-S918B", "14", 34, "samsung");
    private static final Capabilities NOTHING = new Capabilities(null, null, null, null);

    @Test
    void customerNameIsTrimmedAndMustBeSensible() {
        assertThat(SessionRequest.join(SERVER, CODE, "  Ana  ", PHONE, NOTHING).customerName()).isEqualTo("Ana");
        assertThatThrownBy(() -> SessionRequest.join(SERVER, CODE, " ", PHONE, NOTHING)).hasMessageContaining("empty");
        assertThatThrownBy(() -> SessionRequest.join(SERVER, CODE, "x".repeat(81), PHONE, NOTHING))
                .hasMessageContaining("80");
    }

    @Test
    void resumeTicketNeverShowsItsToken() {
        ResumeTicket ticket = new ResumeTicket("s_1", "very-secret");
        SessionRequest request = SessionRequest.resume(SERVER, ticket, 3, "Ana", PHONE, NOTHING);
        assertThat(request.code()).isEmpty();
        assertThat(request.resumeTicket()).contains(ticket);
        assertThat(ticket.toString()).contains("s_1").doesNotContain("very-secret");
    }

    @Test
    void theCustomersLanguageIsThePhonesUnlessSet() {
        SessionRequest request = SessionRequest.join(SERVER, CODE, "Ana", PHONE, NOTHING);
        assertThat(request.language()).isEqualTo(java.util.Locale.getDefault().getLanguage());
        SessionRequest spanish = request.withLanguage("es");
        assertThat(spanish.language()).isEqualTo("es");
        assertThat(spanish.customerName()).isEqualTo("Ana");
        assertThat(spanish.code()).isEqualTo(request.code());
    }
}
