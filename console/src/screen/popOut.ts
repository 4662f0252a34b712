/**
 * A session's Viewer in a browser window of its own. The console and its pop-out windows talk over a
 * BroadcastChannel (same origin, same browser): a pop-out says when it opens and closes, answers the
 * console's roll call after a reload, and closes itself when the console brings the Viewer back.
 */
export type PopOutMessage =
  | { type: 'open'; session: string }
  | { type: 'closed'; session: string }
  | { type: 'rollCall' }
  | { type: 'return'; session: string };

const CHANNEL = 'tandem-viewer';

export interface PopOutChannel {
  post(message: PopOutMessage): void;
  close(): void;
}

/** The channel, or a silent stand-in where the browser has none. */
export function popOutChannel(onMessage: (message: PopOutMessage) => void): PopOutChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const message = event.data as PopOutMessage | null;
    if (message && typeof message === 'object' && typeof message.type === 'string') onMessage(message);
  };
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}

export function popOutUrl(session: string, location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}#/viewer/${encodeURIComponent(session)}`;
}

/**
 * Opens (or brings to the front) the pop-out window of a session: named after the session, so a
 * second click focuses the same window. Sized for a phone held upright. Null when the browser
 * blocked it.
 */
export function openPopOut(session: string): Window | null {
  const height = Math.min(1000, Math.max(600, window.screen?.availHeight ?? 960) - 40);
  const width = Math.round(height * 0.52);
  return window.open(popOutUrl(session, window.location), `tandem-viewer-${session}`, `popup=yes,width=${width},height=${height}`);
}
