/**
 * How the chat composer finds a canned reply: the `/word` typed at the caret, the replies that fit
 * it, and the text once one is chosen. Pure functions, so the composer stays small and this is tested alone.
 */
import type { CannedReply } from '../api/types';

/** The `/word` the caret is in: where its slash is and what follows it; null when the caret is in none. */
export interface SlashQuery {
  start: number;
  query: string;
}

/**
 * A slash starts a shortcut at the start of the text or after a space or line break (so a URL's
 * `a/b` never opens the list), and the word runs to the caret without spaces.
 */
export function slashQuery(text: string, caret: number): SlashQuery | null {
  const match = /(?:^|\s)\/([^\s/]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1].length - 1, query: match[1] };
}

/** Lower case without accents, so "cafe" finds "Café" and "/Hola" finds "hola". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The replies a session on `portal` can use (personal ones and that portal's shared ones) that fit
 * `query`: shortcuts that start with it first, then shortcuts or texts that contain it; personal
 * before shared within each group, then by shortcut.
 */
export function matchReplies(replies: readonly CannedReply[], query: string, portal: string | null, limit = 8): CannedReply[] {
  const wanted = folded(query.trim());
  const usable = replies.filter((r) => r.scope === 'personal' || (portal !== null && r.portal === portal));
  const rank = (r: CannedReply): number => {
    const shortcut = folded(r.shortcut);
    if (shortcut.startsWith(wanted)) return 0;
    if (shortcut.includes(wanted)) return 1;
    if (folded(r.text).includes(wanted)) return 2;
    return -1;
  };
  return usable
    .map((reply) => ({ reply, rank: rank(reply) }))
    .filter((m) => m.rank >= 0)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.reply.scope === b.reply.scope ? 0 : a.reply.scope === 'personal' ? -1 : 1) ||
        a.reply.shortcut.localeCompare(b.reply.shortcut),
    )
    .slice(0, limit)
    .map((m) => m.reply);
}

/** `text` with the typed `/word` (from `start` to `caret`) replaced by `replyText`, and where the caret goes. */
export function insertReply(text: string, start: number, caret: number, replyText: string): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(caret);
  return { text: before + replyText + after, caret: before.length + replyText.length };
}
