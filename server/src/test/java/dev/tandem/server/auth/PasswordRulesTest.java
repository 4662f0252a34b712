package dev.tandem.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password rule: 12 characters, not among the 10,000 most common, not containing the user name. */
class PasswordRulesTest {
    private final PasswordRules rules = PasswordRules.standard();

    @Test
    void shortCommonAndNameBearingPasswordsAreRefusedWithTheReason() {
        assertThat(rules.problem("ana", "a")).get().asString().contains("12 characters");
        assertThat(rules.problem("ana", "12345678")).get().asString().contains("12 characters");
        assertThat(rules.problem("ana", "password")).get().asString().contains("12 characters");
        assertThat(rules.problem("ana", "qwerty123456")).get().asString().contains("most common");
        assertThat(rules.problem("ana", "QWERTY123456")).as("case does not hide a common one").get().asString()
                .contains("most common");
        assertThat(rules.problem("admin", "admin-password-1")).get().asString().contains("user name");
        assertThat(rules.problem("lucia", "my-LUCIA-secret")).get().asString().contains("user name");
        assertThat(rules.problem("ana", "x".repeat(201))).get().asString().contains("at most 200");
    }

    @Test
    void aLongUncommonPasswordWithoutTheNamePasses() {
        assertThat(rules.problem("admin", "correct-horse-battery-7")).isEmpty();
        assertThat(rules.problem("ana", "ñandú sobre el tejado")).isEmpty();
    }
}
