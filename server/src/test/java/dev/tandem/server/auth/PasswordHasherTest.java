package dev.tandem.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idSaltedAndVerify() {
        String first = hasher.hash("correct horse");
        String second = hasher.hash("correct horse");
        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(second);
        assertThat(hasher.verify("correct horse", first)).isTrue();
        assertThat(hasher.verify("correct horsE", first)).isFalse();
        assertThat(hasher.verify("ñandú 😀", hasher.hash("ñandú 😀"))).isTrue();
    }

    @Test
    void malformedHashesNeverVerify() {
        for (String bad : new String[] {"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$x=1$AA$AA",
                "$argon2id$v=19$m=8,t=1,p=1$!!$AA"}) {
            assertThat(hasher.verify("x", bad)).as(bad).isFalse();
        }
    }
}
