import { readItem, writeItem } from '../ui/browserStorage';

/**
 * How the technician arranged the workspace, remembered in this browser (localStorage): whether the
 * side column is collapsed and how wide the resizable panes are. Widths are CSS pixels; null means
 * "as the layout chooses" (the Viewer then fits the phone's picture).
 */
export interface LayoutPrefs {
  sideCollapsed: boolean;
  sideWidth: number | null;
  viewerWidth: number | null;
  toolsWidth: number | null;
}

export const DEFAULT_LAYOUT: LayoutPrefs = { sideCollapsed: false, sideWidth: null, viewerWidth: null, toolsWidth: null };

/** The limits a splitter keeps each pane within. */
export const PANE_LIMITS = {
  sideWidth: { min: 280, max: 560, initial: 340 },
  viewerWidth: { min: 300, max: 1600, initial: 420 },
  toolsWidth: { min: 260, max: 720, initial: 360 },
} as const;

const KEY = 'tandem.layout';

export function clampWidth(pane: keyof typeof PANE_LIMITS, width: number): number {
  const { min, max } = PANE_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

export function parseLayout(text: string | null): LayoutPrefs {
  if (!text) return DEFAULT_LAYOUT;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const width = (pane: keyof typeof PANE_LIMITS) =>
      typeof raw[pane] === 'number' && Number.isFinite(raw[pane]) ? clampWidth(pane, raw[pane] as number) : null;
    return {
      sideCollapsed: raw.sideCollapsed === true,
      sideWidth: width('sideWidth'),
      viewerWidth: width('viewerWidth'),
      toolsWidth: width('toolsWidth'),
    };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export function loadLayout(storage: Storage | null): LayoutPrefs {
  return parseLayout(readItem(storage, KEY));
}

export function saveLayout(storage: Storage | null, prefs: LayoutPrefs): void {
  writeItem(storage, KEY, JSON.stringify(prefs));
}
