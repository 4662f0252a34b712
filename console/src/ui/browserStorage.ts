/**
 * The browser's storage, which privacy settings can switch off (then reading it throws): every helper
 * here falls back quietly, so a console without storage works, it just remembers nothing.
 */
export function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The stored value, or null when there is none or storage is off. */
export function readItem(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores `value` (removes the key for null or ''); does nothing when storage is off or full. */
export function writeItem(storage: Storage | null, key: string, value: string | null): void {
  try {
    if (value) storage?.setItem(key, value);
    else storage?.removeItem(key);
  } catch {
    // not remembered, that is all
  }
}
