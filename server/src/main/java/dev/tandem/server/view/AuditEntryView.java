package dev.tandem.server.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An audit entry as {@code /api/v1/audit} shows it: its detail worded in the reader's language, with
 * the phrase's key and parameters when it was stored as a phrase (absent otherwise).
 */
public record AuditEntryView(long id, String at, String actor, String action, String session, String detail,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String detailKey,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> detailParams) {
}
