package dev.tandem.server.domain;

/**
 * The surveys of one technician or one portal in a period: how many customers were asked, how many
 * answered, and their mean rating (0 when none answered).
 */
public record SurveyTally(String key, String name, int asked, int answered, double averageRating) {
}
