/**
 * Frames per second and bandwidth of one viewer stream, over a sliding window.
 * Bytes are what arrived on the viewer socket (RFB payload, WebSocket framing not counted);
 * frames are completed RFB FramebufferUpdates. Times are milliseconds from any monotonic clock.
 */
export interface StreamRate {
  fps: number;
  kbitPerSecond: number;
}

interface Sample {
  at: number;
  bytes: number;
  frames: number;
}

export class StreamStats {
  private bytes = 0;
  private frames = 0;
  private samples: Sample[] = [];

  constructor(private readonly windowMs = 2000) {}

  addBytes(count: number): void {
    this.bytes += count;
  }

  addFrame(): void {
    this.frames += 1;
  }

  /** Forgets everything (a new connection, a pause): the first rate after it starts from zero. */
  reset(at: number): void {
    this.bytes = 0;
    this.frames = 0;
    this.samples = [{ at, bytes: 0, frames: 0 }];
  }

  /** Takes a sample of the running totals and returns the rate over the last window. */
  sample(at: number): StreamRate {
    if (this.samples.length === 0) this.samples.push({ at, bytes: 0, frames: 0 });
    this.samples.push({ at, bytes: this.bytes, frames: this.frames });
    // Keep the newest sample at or before the window's start as the baseline.
    while (this.samples.length > 2 && this.samples[1].at <= at - this.windowMs) this.samples.shift();
    const first = this.samples[0];
    const seconds = (at - first.at) / 1000;
    if (seconds <= 0) return { fps: 0, kbitPerSecond: 0 };
    return {
      fps: (this.frames - first.frames) / seconds,
      kbitPerSecond: ((this.bytes - first.bytes) * 8) / 1000 / seconds,
    };
  }
}

/** "12 fps · 640 kbit/s" parts, rounded for reading: whole fps, kbit/s below 1000, Mbit/s above. */
export function formatRate(rate: StreamRate, locale: string): { fps: string; bandwidth: string; unit: 'kbit' | 'mbit' } {
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const fps = whole.format(Math.round(rate.fps));
  if (rate.kbitPerSecond >= 1000) {
    const mbit = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return { fps, bandwidth: mbit.format(rate.kbitPerSecond / 1000), unit: 'mbit' };
  }
  return { fps, bandwidth: whole.format(Math.round(rate.kbitPerSecond)), unit: 'kbit' };
}
