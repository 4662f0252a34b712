package dev.tandem.server.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: at least 12 characters (at most 200), not one of the 10,000 most common
 * passwords (the list ships in the server: {@code tandem/common-passwords.txt}), and not containing
 * the user name. The same rule for every way a password is set: first administrator, new user,
 * reset by an administrator, change by the user. Thread-safe (immutable).
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    private static final PasswordRules INSTANCE = new PasswordRules(load());
    private final Set<String> common;

    private PasswordRules(Set<String> common) {
        this.common = common;
    }

    public static PasswordRules standard() {
        return INSTANCE;
    }

    /** Why {@code password} is not good enough for {@code username}, in one sentence; empty when it is. */
    public Optional<String> problem(String username, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters; a few words make a good one.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("A password can have at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("This password is one of the 10,000 most common passwords; choose another.");
        }
        if (username != null && username.length() >= 2 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("A password must not contain the user name.");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = PasswordRules.class.getResourceAsStream("/tandem/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords is missing from the server.");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
