import { localStorageOrNull } from '../ui/browserStorage';
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_LAYOUT, loadLayout, saveLayout, type LayoutPrefs } from './layoutPrefs';

interface LayoutValue {
  prefs: LayoutPrefs;
  update(change: Partial<LayoutPrefs>): void;
  toggleSide(): void;
}

const LayoutContext = createContext<LayoutValue>({ prefs: DEFAULT_LAYOUT, update: () => {}, toggleSide: () => {} });

/** The technician's arrangement of the workspace (side column, pane widths), remembered in this browser. */
export function LayoutProvider({ children }: { children: ComponentChildren }) {
  const storage = useMemo(localStorageOrNull, []);
  const [prefs, setPrefs] = useState<LayoutPrefs>(() => loadLayout(storage));
  useEffect(() => saveLayout(storage, prefs), [prefs]);
  const value = useMemo<LayoutValue>(
    () => ({
      prefs,
      update: (change) => setPrefs((current) => ({ ...current, ...change })),
      toggleSide: () => setPrefs((current) => ({ ...current, sideCollapsed: !current.sideCollapsed })),
    }),
    [prefs],
  );
  return <LayoutContext.Provider value={value}>{children}</LayoutContext.Provider>;
}

export function useLayout(): LayoutValue {
  return useContext(LayoutContext);
}
