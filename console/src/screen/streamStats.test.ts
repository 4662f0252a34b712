import { describe, expect, it } from 'vitest';
import { formatRate, StreamStats } from './streamStats';

describe('StreamStats', () => {
  it('measures frames per second and kbit/s over the window', () => {
    const stats = new StreamStats(2000);
    stats.reset(0);
    for (let second = 1; second <= 4; second++) {
      for (let i = 0; i < 12; i++) stats.addFrame();
      stats.addBytes(80_000); // 640 kbit
      const rate = stats.sample(second * 1000);
      expect(rate.fps).toBeCloseTo(12);
      expect(rate.kbitPerSecond).toBeCloseTo(640);
    }
  });

  it('forgets what is older than the window', () => {
    const stats = new StreamStats(2000);
    stats.reset(0);
    stats.addBytes(1_000_000);
    for (let i = 0; i < 30; i++) stats.addFrame();
    stats.sample(1000);
    stats.sample(2000);
    stats.sample(3000);
    const rate = stats.sample(4000);
    expect(rate.fps).toBe(0);
    expect(rate.kbitPerSecond).toBe(0);
  });

  it('starts from zero after a reset and never divides by zero', () => {
    const stats = new StreamStats();
    expect(stats.sample(500)).toEqual({ fps: 0, kbitPerSecond: 0 });
    stats.addBytes(5000);
    stats.reset(1000);
    stats.addFrame();
    expect(stats.sample(1500)).toEqual({ fps: 2, kbitPerSecond: 0 });
  });
});

describe('formatRate', () => {
  it('shows whole fps, kbit/s below 1000 and Mbit/s above, in the language’s number format', () => {
    expect(formatRate({ fps: 11.6, kbitPerSecond: 640.4 }, 'en-GB')).toEqual({ fps: '12', bandwidth: '640', unit: 'kbit' });
    expect(formatRate({ fps: 30, kbitPerSecond: 2450 }, 'en-GB')).toEqual({ fps: '30', bandwidth: '2.5', unit: 'mbit' });
    expect(formatRate({ fps: 30, kbitPerSecond: 2450 }, 'es-ES')).toEqual({ fps: '30', bandwidth: '2,5', unit: 'mbit' });
  });
});
