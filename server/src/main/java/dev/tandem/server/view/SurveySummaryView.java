package dev.tandem.server.view;

import dev.tandem.server.domain.SurveyTally;
import java.time.Instant;
import java.util.List;

/**
 * The satisfaction surveys of a period, per technician and per portal, as
 * {@code GET /api/v1/surveys/summary} shows them to administrators.
 */
public record SurveySummaryView(String from, String to, List<Tally> technicians, List<Tally> portals) {

    /** One technician's or one portal's surveys: asked, answered, and the mean rating (null when none answered). */
    public record Tally(String key, String name, int asked, int answered, Double averageRating) {
        static Tally of(SurveyTally t) {
            return new Tally(t.key(), t.name(), t.asked(), t.answered(),
                    t.answered() == 0 ? null : Math.round(t.averageRating() * 100) / 100.0);
        }
    }

    public static SurveySummaryView of(Instant from, Instant to, List<SurveyTally> technicians, List<SurveyTally> portals) {
        return new SurveySummaryView(Views.iso(from), Views.iso(to), technicians.stream().map(Tally::of).toList(),
                portals.stream().map(Tally::of).toList());
    }
}
