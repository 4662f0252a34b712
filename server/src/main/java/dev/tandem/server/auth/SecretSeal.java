package dev.tandem.server.auth;

/**
 * Seals secrets the server must be able to read back (TOTP secrets, the single sign-on client
 * secret) before they are stored, and opens them again. The server's encryption box implements it;
 * {@link #NONE} stores them as they are and is only for servers without one.
 */
public interface SecretSeal {
    SecretSeal NONE = new SecretSeal() {
        @Override
        public String seal(String secret) {
            return secret;
        }

        @Override
        public String open(String sealed) {
            return sealed;
        }
    };

    String seal(String secret);

    String open(String sealed);
}
