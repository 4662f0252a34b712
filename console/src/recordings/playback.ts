import type RFB from '@novnc/novnc';
import { segmentAt, type Segment } from './recordingFile';

/**
 * A stand-in for the viewer's WebSocket that noVNC reads a recording from: noVNC accepts any channel
 * with a WebSocket's shape. What noVNC sends (its handshake answers, update requests) goes nowhere:
 * the recording already holds what the phone answered.
 */
class RecordedChannel {
  binaryType = 'arraybuffer';
  protocol = '';
  readyState: string = 'open';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  send(_data: unknown): void {
    // The recording answers for the phone.
  }

  close(): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    // As a socket would, later: noVNC then finishes its disconnect at once instead of timing out.
    setTimeout(() => this.onclose?.({ code: 1000, reason: '', wasClean: true }));
  }

  deliver(bytes: Uint8Array): void {
    this.onmessage?.({ data: bytes.slice().buffer });
  }
}

/** noVNC's flag while it waits for pictures to be drawn (rfb.js `_framebufferUpdate`, pinned 1.7.0). */
function drawing(rfb: RFB): boolean {
  return (rfb as unknown as { _flushing?: boolean })._flushing === true;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Plays a recording's screen with the Viewer's own RFB decoder (noVNC), fed the recorded bytes
 * instead of a socket. Going forward feeds what lies between; going back, or into another viewer's
 * session, starts that session's decoder again from its start (RFB's compression streams carry state
 * from the first update on, so that is the simple way that is always right). Call from the UI thread.
 */
export class RecordingPlayback {
  private rfb: RFB | null = null;
  private channel: RecordedChannel | null = null;
  private segment: Segment | null = null;
  /** How many of the segment's screen records noVNC has been given. */
  private fed = 0;
  private shownAt = -Infinity;
  private generation = 0;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly target: HTMLElement,
    private readonly segments: Segment[],
  ) {}

  /**
   * Shows the screen as it was at `time` (epoch ms); resolves once noVNC has drawn it. A newer call
   * overtakes an older one. Returns whether a viewer's screen was showing then.
   */
  show(time: number): Promise<boolean> {
    const mine = ++this.generation;
    const run = this.busy.then(() => this.showNow(time, mine));
    this.busy = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async showNow(time: number, mine: number): Promise<boolean> {
    if (mine !== this.generation) return this.segment !== null;
    const segment = segmentAt(this.segments, time);
    if (segment !== this.segment || time < this.shownAt) await this.restart(segment);
    this.shownAt = time;
    if (!segment || !this.rfb || !this.channel) return false;
    const { rfb, channel } = this;
    while (this.fed < segment.screen.length && segment.screen[this.fed].at <= time) {
      if (mine !== this.generation) return true;
      // Hand noVNC more only when it drew what it has, so its receive queue stays small on a long seek.
      while (drawing(rfb)) await nextFrame();
      channel.deliver(segment.screen[this.fed].bytes);
      this.fed++;
    }
    while (drawing(rfb)) await nextFrame();
    await nextFrame();
    return true;
  }

  private async restart(segment: Segment | null): Promise<void> {
    this.stop();
    this.segment = segment;
    this.fed = 0;
    if (!segment) return;
    const { default: Rfb } = await import('@novnc/novnc');
    const channel = new RecordedChannel();
    const rfb = new Rfb(this.target, channel as unknown as WebSocket, { shared: true });
    rfb.viewOnly = true;
    rfb.scaleViewport = true;
    rfb.resizeSession = false;
    rfb.background = 'transparent';
    this.rfb = rfb;
    this.channel = channel;
  }

  private stop(): void {
    if (this.rfb) {
      try {
        this.rfb.disconnect();
      } catch {
        // already gone
      }
    }
    this.rfb = null;
    this.channel = null;
    this.target.replaceChildren();
  }

  close(): void {
    this.generation++;
    this.stop();
    this.segment = null;
  }
}
