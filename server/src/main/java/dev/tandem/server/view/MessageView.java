package dev.tandem.server.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.server.domain.TranscriptEntry;
import dev.tandem.server.i18n.Catalogue;
import dev.tandem.server.i18n.Language;
import java.util.Map;

/**
 * A transcript entry for technicians: a system line worded in the reader's language, with the key and
 * parameters of its phrase (only system lines have them) so that a console words it in its own.
 */
public record MessageView(long seq, String sender, String name, String text, String at,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String key,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> params) {

    public static MessageView of(TranscriptEntry e, Language language) {
        boolean phrase = e.event() != null;
        return new MessageView(e.seq(), e.sender().wireName(), e.name(),
                phrase ? Catalogue.standard().word(language, e.event()) : e.text(), Views.iso(e.at()),
                phrase ? e.event().key() : null, phrase ? e.event().params() : null);
    }
}
