import type { MessageKey } from '../i18n/en';

/**
 * Android's soft keys as X keysyms, the ones the phone's RFB server maps (CONTRACT.md, `tandem vnc`):
 * XF86Back = Back, Home = Home, Menu = Recents.
 */
export interface SoftKey {
  id: 'back' | 'home' | 'recents';
  keysym: number;
  label: MessageKey;
}

export const SOFT_KEYS: readonly SoftKey[] = [
  { id: 'back', keysym: 0x1008ff26, label: 'viewer.key.back' },
  { id: 'home', keysym: 0xff50, label: 'viewer.key.home' },
  { id: 'recents', keysym: 0xff67, label: 'viewer.key.recents' },
];
