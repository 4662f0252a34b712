import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PointerPace, phonePoint, strokePoints, type PhonePoint } from './drawing';

describe('phonePoint', () => {
  const phone = { width: 1080, height: 2400 };

  it('maps a canvas at the phone’s own size, shown at half size on the page', () => {
    const box = { left: 100, top: 50, width: 540, height: 1200 };
    expect(phonePoint(100, 50, box, phone, phone)).toEqual([0, 0]);
    expect(phonePoint(370, 650, box, phone, phone)).toEqual([540, 1200]);
    expect(phonePoint(99, 60, box, phone, phone)).toBeNull();
  });

  it('maps a smaller frame with the phone fitted inside and black bars beside it', () => {
    // A 600x600 frame: the phone is scaled by 0.25 to 270x600, centred at x 165..435.
    const frame = { width: 600, height: 600 };
    const box = { left: 0, top: 0, width: 600, height: 600 };
    expect(phonePoint(300, 300, box, frame, phone)).toEqual([540, 1200]);
    expect(phonePoint(100, 300, box, frame, phone)).toBeNull();
    expect(phonePoint(166, 1, box, frame, phone)).toEqual([4, 4]);
  });
});

describe('strokePoints', () => {
  it('drops repeated points and refuses a click', () => {
    expect(strokePoints([[1, 1], [1, 1]])).toBeNull();
    expect(strokePoints([[1, 1], [1, 1], [2, 2]])).toEqual([[1, 1], [2, 2]]);
  });

  it('samples a long stroke down to the limit, keeping both ends', () => {
    const long: PhonePoint[] = Array.from({ length: 1000 }, (_, i) => [i, i]);
    const sampled = strokePoints(long, 200)!;
    expect(sampled).toHaveLength(200);
    expect(sampled[0]).toEqual([0, 0]);
    expect(sampled[199]).toEqual([999, 999]);
  });
});

describe('PointerPace', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends at most one position per interval and ends where the mouse stopped', () => {
    const sent: PhonePoint[] = [];
    const pace = new PointerPace(50, (p) => sent.push(p));
    pace.move([1, 1], 0);
    pace.move([2, 2], 10);
    pace.move([3, 3], 20);
    expect(sent).toEqual([[1, 1]]);
    vi.advanceTimersByTime(40);
    expect(sent).toEqual([[1, 1], [3, 3]]);
    pace.move([4, 4], 60);
    pace.stop();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([[1, 1], [3, 3]]);
  });
});
