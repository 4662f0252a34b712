import type { ChatMessage } from '../api/types';
import type { Notice } from '../state/consoleState';

export type ChatItem = { kind: 'message'; message: ChatMessage } | { kind: 'notice'; notice: Notice };

/**
 * The transcript (in seq order) with the console's own connection notices slotted in by time:
 * each notice goes before the first message that is later than it.
 */
export function chatTimeline(messages: readonly ChatMessage[], notices: readonly Notice[]): ChatItem[] {
  const pending = notices.slice().sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const items: ChatItem[] = [];
  let n = 0;
  for (const message of messages) {
    const at = Date.parse(message.at);
    while (n < pending.length && Date.parse(pending[n].at) < at) items.push({ kind: 'notice', notice: pending[n++] });
    items.push({ kind: 'message', message });
  }
  while (n < pending.length) items.push({ kind: 'notice', notice: pending[n++] });
  return items;
}
