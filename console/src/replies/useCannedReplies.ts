import { useEffect, useState } from 'preact/hooks';
import type { CannedReply, ConsoleEvent } from '../api/types';
import { useConsole } from '../state/ConsoleProvider';
import { repliesApi } from './repliesApi';

/*
 * One list for every Chat window of the tab: read once, and again when the server says replies
 * changed (the `replies` event, from any node) or the console socket reconnects (events may have
 * been missed). Concurrent reloads share one request.
 */
let current: CannedReply[] = [];
let inFlight: Promise<void> | null = null;
const subscribers = new Set<(replies: CannedReply[]) => void>();

function reload(): Promise<void> {
  if (!inFlight) {
    inFlight = repliesApi
      .usable()
      .then((replies) => {
        current = replies;
        for (const subscriber of subscribers) subscriber(current);
      })
      .catch(() => {}) // the composer works without replies; the next event or reconnection tries again
      .finally(() => {
        inFlight = null;
      });
  }
  return inFlight;
}

/** The canned replies this technician can insert (personal and every portal's; the composer picks the session's portal). */
export function useCannedReplies(): CannedReply[] {
  const { actions } = useConsole();
  const [replies, setReplies] = useState<CannedReply[]>(current);
  useEffect(() => {
    subscribers.add(setReplies);
    if (subscribers.size === 1) void reload();
    const stop = actions.listen((event) => {
      const type = (event as ConsoleEvent | { type: 'open' }).type;
      if (type === 'replies' || type === 'open') void reload();
    });
    return () => {
      subscribers.delete(setReplies);
      stop();
    };
  }, [actions]);
  return replies;
}
