package dev.tandem.android.ui;

import static org.assertj.core.api.Assertions.assertThat;

import android.content.Context;
import dev.tandem.android.request.RequestRefused;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/**
 * Every refusal the request API (docs/requests.md, customer side) can give the app is said in the
 * customer's language, never in the server's English sentence.
 */
@RunWith(RobolectricTestRunner.class)
public class RequestErrorsTest {
    /** The customer side's codes in docs/requests.md: create, cancel, follow-up. */
    static final List<String> CUSTOMER_CODES = Arrays.asList("not_found", "requests_disabled", "name_required",
            "name_too_long", "description_required", "bad_address", "bad_input", "description_too_long",
            "body_too_large", "rate_limited", "request_accepted", "request_expired", "not_expired");
    private static final String SERVERS_ENGLISH = "the server's own English sentence";

    @Test
    public void theCodesAreTheOnesTheRequestApiDocuments() throws Exception {
        Path docs = Paths.get("..", "docs", "requests.md");
        String text = new String(Files.readAllBytes(docs), StandardCharsets.UTF_8);
        String customerSide = text.substring(0, text.indexOf("## Technician side"));
        for (String code : CUSTOMER_CODES) {
            assertThat(customerSide).as(code).contains("`" + code + "`");
        }
    }

    @Test
    @Config(qualifiers = "es")
    public void everyCustomerRefusalIsSaidInSpanish() {
        everyCodeHasItsOwnSentence();
        assertThat(message("rate_limited")).startsWith("Demasiadas solicitudes");
        assertThat(message(RequestRefused.NETWORK)).startsWith("No se puede conectar");
    }

    @Test
    public void everyCustomerRefusalIsSaidInEnglish() {
        everyCodeHasItsOwnSentence();
        assertThat(message("not_expired")).isEqualTo("Your request is still waiting for a technician.");
    }

    @Test
    public void anUnknownCodeFallsBackToTheServersSentence() {
        assertThat(message("something_new")).endsWith(SERVERS_ENGLISH);
    }

    private static void everyCodeHasItsOwnSentence() {
        for (String code : CUSTOMER_CODES) {
            assertThat(RequestErrors.known(code)).as(code).isNotZero();
            assertThat(message(code)).as(code).doesNotContain(SERVERS_ENGLISH).isNotBlank();
        }
    }

    private static String message(String code) {
        Context context = RuntimeEnvironment.getApplication();
        return RequestErrors.message(context, new RequestRefused(code, SERVERS_ENGLISH));
    }
}
