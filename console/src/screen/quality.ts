/**
 * The Viewer's quality menu: how big the phone's frames are and how hard they are compressed.
 * The console asks the phone for a frame size itself (RFB SetDesktopSize on the viewer socket, see
 * docs/protocol.md "Screen size"), so that the phone sends no more pixels than the window shows:
 * - auto: the size of the Viewer's picture area in device pixels (at most 2 per CSS pixel), JPEG quality 6;
 * - sharp: the phone's own size (any request at least as large as the phone means that), JPEG quality 8;
 * - saver: the picture area in CSS pixels but at most 640 px tall, JPEG quality 3 and more zlib effort.
 * noVNC scales whatever arrives to the window (scaleViewport), so every choice fills it.
 */
export type ViewerQuality = 'auto' | 'sharp' | 'saver';

export const QUALITIES: readonly ViewerQuality[] = ['auto', 'sharp', 'saver'];

/** The largest size RFB can carry: the phone answers it with its own size. */
export const PHONE_OWN_SIZE = 65535;
const SAVER_MAX_HEIGHT = 640;
/** Smaller than this, the picture area is still being laid out: ask for nothing yet. */
const MIN_SIDE = 32;

export interface QualityPlan {
  /** The frame size to ask the phone for, or null when the picture area has no size yet. */
  size: { width: number; height: number } | null;
  /** noVNC's qualityLevel (Tight JPEG quality 0..9). */
  qualityLevel: number;
  /** noVNC's compressionLevel (0..9). */
  compressionLevel: number;
}

export function isQuality(value: unknown): value is ViewerQuality {
  return typeof value === 'string' && (QUALITIES as readonly string[]).includes(value);
}

/** What to ask for with `quality`, for a picture area of `box` CSS pixels on a screen of `pixelRatio`. */
export function qualityPlan(quality: ViewerQuality, box: { width: number; height: number }, pixelRatio: number): QualityPlan {
  if (quality === 'sharp') {
    return { size: { width: PHONE_OWN_SIZE, height: PHONE_OWN_SIZE }, qualityLevel: 8, compressionLevel: 2 };
  }
  if (box.width < MIN_SIDE || box.height < MIN_SIDE) {
    return { size: null, qualityLevel: quality === 'saver' ? 3 : 6, compressionLevel: quality === 'saver' ? 6 : 2 };
  }
  if (quality === 'saver') {
    const factor = Math.min(1, SAVER_MAX_HEIGHT / box.height);
    return { size: scaled(box, factor), qualityLevel: 3, compressionLevel: 6 };
  }
  const ratio = Math.min(2, Math.max(1, Number.isFinite(pixelRatio) ? pixelRatio : 1));
  return { size: scaled(box, ratio), qualityLevel: 6, compressionLevel: 2 };
}

function scaled(box: { width: number; height: number }, factor: number) {
  return {
    width: Math.min(PHONE_OWN_SIZE, Math.max(1, Math.round(box.width * factor))),
    height: Math.min(PHONE_OWN_SIZE, Math.max(1, Math.round(box.height * factor))),
  };
}

/** SetDesktopSize (message 251 of the ExtendedDesktopSize extension) with one screen covering the frame. */
export function setDesktopSizeMessage(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(24);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 251);
  view.setUint16(2, width);
  view.setUint16(4, height);
  view.setUint8(6, 1); // number of screens
  view.setUint16(16, width); // the screen: id 0 at 0,0, the whole frame, flags 0
  view.setUint16(18, height);
  return bytes;
}

const STORAGE_KEY = 'tandem.viewerQuality';

/** The technician's last choice, or auto. */
export function loadQuality(storage: Storage | null): ViewerQuality {
  try {
    const saved = storage?.getItem(STORAGE_KEY);
    return isQuality(saved) ? saved : 'auto';
  } catch {
    return 'auto';
  }
}

export function saveQuality(storage: Storage | null, quality: ViewerQuality): void {
  try {
    storage?.setItem(STORAGE_KEY, quality);
  } catch {
    // Storage full or blocked: the choice holds for this page only.
  }
}
