package dev.tandem.server.secrets;

import dev.tandem.server.store.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets the server must read back (the SMTP password, later OIDC client secrets and TOTP
 * seeds) with AES-256-GCM under a key that is not in the database: {@code TANDEM_SECRET_KEY}
 * (32 bytes, base64) or {@code <data>/secret.key}, created {@code 0600} on first start. A sealed
 * value reads {@code v1:<base64url(nonce | ciphertext | tag)>}; the {@code purpose} is bound as
 * associated data, so a value sealed for one setting cannot be moved into another. A copy of the
 * database alone reveals no secret; losing the key loses the sealed secrets (they must be entered
 * again). Thread-safe.
 */
public final class SecretBox {
    /** The environment variable that holds the key; it wins over the key file. */
    public static final String KEY_VARIABLE = "TANDEM_SECRET_KEY";
    public static final String KEY_FILE = "secret.key";
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The box of this server: the key from {@code environmentKey} ({@value #KEY_VARIABLE}) when
     * given, else from {@code <dataDir>/secret.key}, which is created on first start.
     *
     * @throws IllegalArgumentException with a sentence for the operator when a key is malformed
     */
    public static SecretBox load(Path dataDir, Optional<String> environmentKey) {
        if (environmentKey.isPresent() && !environmentKey.get().isBlank()) {
            return new SecretBox(decodeKey(environmentKey.get(), KEY_VARIABLE));
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return new SecretBox(decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
            }
            PrivateFiles.directory(dataDir);
            byte[] fresh = new byte[KEY_BYTES];
            RANDOM.nextBytes(fresh);
            Path temp = dataDir.resolve(KEY_FILE + ".new");
            PrivateFiles.write(temp, (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII));
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new SecretBox(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
        }
    }

    /** A box with a key given directly (tests, tools). */
    public static SecretBox withKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A secret key has " + KEY_BYTES + " bytes");
        }
        return new SecretBox(key.clone());
    }

    /** A new random key as {@value #KEY_VARIABLE} expects it (base64 of 32 bytes). */
    public static String newKey() {
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        return Base64.getEncoder().encodeToString(fresh);
    }

    /** Seals {@code secret} for {@code purpose} (e.g. {@code smtp.password}); a fresh nonce each time. */
    public String seal(String purpose, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens a value {@link #seal sealed} for the same {@code purpose}.
     *
     * @throws SecretUnreadable when it was sealed under another key or purpose, or was altered
     */
    public String open(String purpose, String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new SecretUnreadable(purpose);
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
            if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new SecretUnreadable(purpose);
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretUnreadable(purpose);
        }
    }

    /** Whether {@code value} has the form of a sealed value (it may still fail to open). */
    public static boolean looksSealed(String value) {
        return value != null && value.startsWith(VERSION);
    }

    private static byte[] decodeKey(String text, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secret key in " + where + " must be 32 random bytes in base64 "
                    + "(make one with: openssl rand -base64 32).");
        }
        return key;
    }

    @Override
    public String toString() {
        return "SecretBox[key=***]";
    }

    /** A sealed value cannot be opened: another key, another purpose, or damaged. */
    public static final class SecretUnreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SecretUnreadable(String purpose) {
            super("The stored " + purpose + " cannot be decrypted with this server's secret key (" + KEY_VARIABLE
                    + " or secret.key changed?): enter it again.");
        }
    }
}
