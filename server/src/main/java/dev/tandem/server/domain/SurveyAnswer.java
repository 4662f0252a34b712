package dev.tandem.server.domain;

import java.time.Instant;

/** What a customer answered to the satisfaction survey of a session: 1 to 5, and a comment or null. */
public record SurveyAnswer(int rating, String comment, Instant answeredAt) {
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
    public static final int MAX_COMMENT_CHARS = 1000;
}
