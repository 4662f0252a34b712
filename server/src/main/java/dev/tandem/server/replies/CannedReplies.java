package dev.tandem.server.replies;

import dev.tandem.server.ErrorCode;
import dev.tandem.server.Rejection;
import dev.tandem.server.audit.AuditAction;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.domain.CannedReply;
import dev.tandem.server.domain.Portal;
import dev.tandem.server.domain.User;
import dev.tandem.server.events.Events;
import dev.tandem.server.i18n.Phrase;
import dev.tandem.server.records.WrittenText;
import dev.tandem.server.store.CannedReplyStore;
import dev.tandem.server.store.PortalStore;
import dev.tandem.server.view.CannedReplyView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Canned replies, shared per portal and personal. Who may change what is decided here, the same on
 * every route: a personal reply belongs to its technician alone (anyone else, administrators
 * included, gets the 404 of a reply that does not exist: it is nobody else's business); a portal's
 * replies are read by every signed-in technician and changed by administrators, who the routes
 * check, as they do for the portal itself. Every change is audited and tells the consoles through
 * {@link Events} (so every node's consoles), which read their list again. Thread-safe.
 */
public final class CannedReplies {
    private final CannedReplyStore store;
    private final PortalStore portals;
    private final Events consoles;
    private final AuditLog audit;
    private final Clock clock;

    public CannedReplies(CannedReplyStore store, PortalStore portals, Events consoles, AuditLog audit, Clock clock) {
        this.store = store;
        this.portals = portals;
        this.consoles = consoles;
        this.audit = audit;
        this.clock = clock;
    }

    /** What {@code user} can insert: their personal replies and every portal's shared ones, by shortcut. */
    public List<CannedReplyView> usableBy(User user) {
        return store.usableBy(user.id()).stream().map(CannedReplyView::of).toList();
    }

    /** A portal's shared replies; 404 for a portal that does not exist. */
    public List<CannedReplyView> ofPortal(String slug) {
        return store.ofPortal(portal(slug).id()).stream().map(CannedReplyView::of).toList();
    }

    public CannedReplyView addPersonal(User user, String shortcut, String text) {
        String word = Shortcut.of(shortcut);
        long id = store.insert(null, user.id(), word, WrittenText.checked(text, "a canned reply"), user.username(),
                clock.instant()).orElseThrow(() -> taken(word, "your replies"));
        audit.record(user.username(), AuditAction.REPLY_CREATED, Phrase.of("audit.personalReplyCreated", "shortcut", word));
        consoles.repliesChanged(null, user.id());
        return view(id);
    }

    /** A shared reply of a portal; the caller is an administrator (the route checks). */
    public CannedReplyView addShared(User admin, String slug, String shortcut, String text) {
        Portal portal = portal(slug);
        String word = Shortcut.of(shortcut);
        long id = store.insert(portal.id(), null, word, WrittenText.checked(text, "a canned reply"), admin.username(),
                clock.instant()).orElseThrow(() -> taken(word, "the portal '" + slug + "'"));
        audit.record(admin.username(), AuditAction.REPLY_CREATED, Phrase.of("audit.portalReplyCreated",
                "shortcut", word, "portal", slug));
        consoles.repliesChanged(slug, admin.id());
        return view(id);
    }

    /**
     * Changes the shortcut or text (what is left out stays) of a personal reply of {@code user}
     * ({@code slug} empty) or a shared reply of the portal {@code slug}.
     */
    public CannedReplyView change(User user, Optional<String> slug, long id, Optional<String> shortcut,
                                  Optional<String> text) {
        CannedReply reply = reachable(user, slug, id);
        String word = shortcut.map(Shortcut::of).orElse(reply.shortcut());
        String body = text.isPresent() ? WrittenText.checked(text.get(), "a canned reply") : reply.text();
        if (!store.update(id, word, body, user.username(), clock.instant())) {
            throw taken(word, slug.map(s -> "the portal '" + s + "'").orElse("your replies"));
        }
        audit.record(user.username(), AuditAction.REPLY_UPDATED,
                phrase(reply, "audit.portalReplyUpdated", "audit.personalReplyUpdated", word));
        consoles.repliesChanged(slug.orElse(null), user.id());
        return view(id);
    }

    public void remove(User user, Optional<String> slug, long id) {
        CannedReply reply = reachable(user, slug, id);
        store.delete(id);
        audit.record(user.username(), AuditAction.REPLY_DELETED,
                phrase(reply, "audit.portalReplyDeleted", "audit.personalReplyDeleted", reply.shortcut()));
        consoles.repliesChanged(slug.orElse(null), user.id());
    }

    /** The reply {@code id} in the scope the route names, or 404: a portal's reply through another path is not there. */
    private CannedReply reachable(User user, Optional<String> slug, long id) {
        Optional<CannedReply> found = store.find(id).filter(r -> slug.isPresent()
                ? r.portal().equals(slug) : r.ownerId().equals(Optional.of(user.id())));
        return found.orElseThrow(() -> Rejection.notFound(slug.map(s -> "The portal '" + s + "' has no canned reply " + id + ".")
                .orElse("You have no canned reply " + id + ".")));
    }

    private static Phrase phrase(CannedReply reply, String sharedKey, String personalKey, String shortcut) {
        return reply.portal().map(p -> Phrase.of(sharedKey, "shortcut", shortcut, "portal", p))
                .orElseGet(() -> Phrase.of(personalKey, "shortcut", shortcut));
    }

    private CannedReplyView view(long id) {
        return store.find(id).map(CannedReplyView::of).orElseThrow(() -> Rejection.notFound("The canned reply is gone."));
    }

    private Portal portal(String slug) {
        return portals.findBySlug(slug).orElseThrow(() -> Rejection.notFound("There is no portal '" + slug + "'."));
    }

    private static Rejection taken(String shortcut, String where) {
        return Rejection.of(ErrorCode.SHORTCUT_TAKEN, "The shortcut /" + shortcut + " is already used in " + where
                + "; choose another.");
    }
}
