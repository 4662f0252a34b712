import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Load<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown; data?: T };

/**
 * Runs `load` when `key` changes (and on `reload`), keeping the previous data while a new answer
 * is on its way; an answer overtaken by a newer request is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): [Load<T>, () => void, (data: T) => void] {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    loadRef.current().then(
      (data) => {
        if (mine === generation.current) setState({ status: 'ready', data });
      },
      (error) => {
        if (mine === generation.current) setState((previous) => ({ status: 'error', error, data: previous.data }));
      },
    );
  }, []);

  useEffect(run, [key]);
  const set = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return [state, run, set];
}
