/**
 * Commands from the keyboard shortcuts to the window in front (its Chat or Viewer window), which
 * owns what the command needs (the end-session dialog, the full-screen element). Only windows of
 * the session in front act on them.
 */
export type WindowCommand = 'endSession' | 'closeChat' | 'fullScreen' | 'focusMessage';

type Listener = (command: WindowCommand, session: string) => void;

const listeners = new Set<Listener>();

export function sendCommand(command: WindowCommand, session: string): void {
  for (const listener of listeners) listener(command, session);
}

export function onCommand(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
