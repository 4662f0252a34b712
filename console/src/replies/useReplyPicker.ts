import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CannedReply } from '../api/types';
import { insertReply, matchReplies, slashQuery } from './replyMatch';

export interface ReplyPicker {
  /** Whether the list is showing: the caret is in a `/word` the technician has not dismissed. */
  open: boolean;
  query: string;
  matches: CannedReply[];
  /** The highlighted match. */
  index: number;
  setIndex: (index: number) => void;
  /** Puts a reply's text in place of the `/word`; it is not sent. */
  choose: (reply: CannedReply) => void;
  /** Handles the list's keys (↑ ↓ Enter Tab Esc); true when the key was the list's, so the composer must not act on it. */
  onKeyDown: (event: KeyboardEvent) => boolean;
  /** Follows the caret (after input, clicks and arrow keys). */
  track: () => void;
  /** Starts a shortcut at the caret, for the composer's button: a `/` that opens the whole list. */
  start: () => void;
}

/**
 * The canned-reply list of a composer: opens on a `/word` at the caret, searches as the technician
 * types, and replaces the `/word` with the chosen reply's text for them to edit and send.
 */
export function useReplyPicker(
  text: string,
  setText: (text: string) => void,
  field: RefObject<HTMLTextAreaElement>,
  replies: readonly CannedReply[],
  portal: string | null,
): ReplyPicker {
  const [caret, setCaret] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [index, setIndex] = useState(0);
  const slash = slashQuery(text, caret);
  const open = slash !== null && dismissed !== slash.start;
  // Esc closes the list for that one `/word`; once the caret leaves it, the next `/` opens it again.
  const inSlash = slash !== null;
  useEffect(() => {
    if (!inSlash) setDismissed(null);
  }, [inSlash]);
  const matches = open ? matchReplies(replies, slash.query, portal) : [];
  const highlighted = Math.min(index, Math.max(matches.length - 1, 0));

  const placeCaret = (at: number) => {
    setCaret(at);
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(at, at);
    });
  };

  const choose = (reply: CannedReply) => {
    if (!slash) return;
    const next = insertReply(text, slash.start, caret, reply.text);
    setText(next.text);
    setIndex(0);
    placeCaret(next.caret);
  };

  return {
    open,
    query: slash?.query ?? '',
    matches,
    index: highlighted,
    setIndex,
    choose,
    onKeyDown(event) {
      if (!open || !slash) return false;
      if (event.key === 'Escape') {
        setDismissed(slash.start);
        return true;
      }
      if (matches.length === 0) return false; // Enter sends the message as typed
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setIndex((highlighted + step + matches.length) % matches.length);
        return true;
      }
      if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
        choose(matches[highlighted]);
        return true;
      }
      return false;
    },
    track() {
      const at = field.current?.selectionStart ?? text.length;
      if (at !== caret) setIndex(0);
      setCaret(at);
    },
    start() {
      const at = field.current?.selectionStart ?? text.length;
      const gap = at > 0 && !/\s/.test(text[at - 1]) ? ' ' : '';
      setText(text.slice(0, at) + gap + '/' + text.slice(at));
      setDismissed(null);
      setIndex(0);
      placeCaret(at + gap.length + 1);
    },
  };
}
