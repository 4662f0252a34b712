package dev.tandem.server.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages Tandem speaks. A tag such as {@code es-MX} or {@code EN} names one; anything else names none. */
public enum Language {
    EN("en"), ES("es");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The language of a tag ({@code es}, {@code es-ES}, {@code en_GB}); empty for none we speak, {@code auto} or null. */
    public static Optional<Language> of(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_;]", 2)[0];
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The caller's language from an {@code Accept-Language} header: the supported language with the
     * highest weight ({@code q}); English when the header names none we speak.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        Language best = EN;
        double bestWeight = -1;
        for (String part : header.split(",")) {
            String[] fields = part.split(";");
            Optional<Language> language = of(fields[0]);
            double weight = 1;
            for (int i = 1; i < fields.length; i++) {
                String field = fields[i].strip();
                if (field.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(field.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            if (language.isPresent() && weight > 0 && weight > bestWeight) {
                best = language.get();
                bestWeight = weight;
            }
        }
        return best;
    }
}
