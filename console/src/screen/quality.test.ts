import { describe, expect, it } from 'vitest';
import { PHONE_OWN_SIZE, loadQuality, qualityPlan, saveQuality, setDesktopSizeMessage } from './quality';

describe('qualityPlan', () => {
  const box = { width: 450, height: 900 };

  it('auto asks for the picture area in device pixels, at most two per CSS pixel', () => {
    expect(qualityPlan('auto', box, 1)).toEqual({ size: { width: 450, height: 900 }, qualityLevel: 6, compressionLevel: 2 });
    expect(qualityPlan('auto', box, 1.5).size).toEqual({ width: 675, height: 1350 });
    expect(qualityPlan('auto', box, 3).size).toEqual({ width: 900, height: 1800 });
    expect(qualityPlan('auto', box, Number.NaN).size).toEqual({ width: 450, height: 900 });
  });

  it('sharp asks for the largest size, which the phone answers with its own', () => {
    expect(qualityPlan('sharp', box, 2)).toEqual({
      size: { width: PHONE_OWN_SIZE, height: PHONE_OWN_SIZE },
      qualityLevel: 8,
      compressionLevel: 2,
    });
  });

  it('data saver caps the height at 640 px and compresses harder', () => {
    expect(qualityPlan('saver', box, 2)).toEqual({ size: { width: 320, height: 640 }, qualityLevel: 3, compressionLevel: 6 });
    expect(qualityPlan('saver', { width: 300, height: 500 }, 2).size).toEqual({ width: 300, height: 500 });
  });

  it('asks for no size while the picture area is not laid out', () => {
    expect(qualityPlan('auto', { width: 0, height: 0 }, 1).size).toBeNull();
    expect(qualityPlan('saver', { width: 450, height: 10 }, 1).size).toBeNull();
  });
});

describe('setDesktopSizeMessage', () => {
  it('is RFB message 251 with one screen covering the frame', () => {
    expect(Array.from(setDesktopSizeMessage(450, 1000))).toEqual([
      251, 0, 0x01, 0xc2, 0x03, 0xe8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0xc2, 0x03, 0xe8, 0, 0, 0, 0,
    ]);
  });
});

describe('loadQuality / saveQuality', () => {
  function memory(): Storage {
    const items = new Map<string, string>();
    return {
      get length() {
        return items.size;
      },
      clear: () => items.clear(),
      getItem: (k) => items.get(k) ?? null,
      key: (i) => Array.from(items.keys())[i] ?? null,
      removeItem: (k) => void items.delete(k),
      setItem: (k, v) => void items.set(k, v),
    };
  }

  it('remembers the choice and falls back to auto', () => {
    const storage = memory();
    expect(loadQuality(storage)).toBe('auto');
    saveQuality(storage, 'saver');
    expect(loadQuality(storage)).toBe('saver');
    storage.setItem('tandem.viewerQuality', 'ultra');
    expect(loadQuality(storage)).toBe('auto');
    expect(loadQuality(null)).toBe('auto');
  });
});
