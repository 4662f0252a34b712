import type RFB from '@novnc/novnc';
import { qualityPlan, setDesktopSizeMessage, type ViewerQuality } from './quality';

export interface ViewerStreamHandlers {
  /** The RFB handshake is done: pictures follow. */
  onConnect(): void;
  /** The socket closed without us asking (server, network); `code` as in docs/protocol.md section 3. */
  onClose(code: number): void;
  /** Bytes received on the socket (RFB payload). */
  onBytes(count: number): void;
  /** One FramebufferUpdate was completely received and drawn. */
  onFrame(): void;
}

/**
 * One viewer connection: the WebSocket to /ws/screen/{session} with noVNC on top of it.
 * We open the socket ourselves and hand it to noVNC (it accepts a channel) so that we can count its
 * bytes and read its close code, which noVNC's own events do not carry. A stream is used once:
 * after a close, open a new one. Call from the UI thread only.
 */
export class ViewerStream {
  private closedByUs = false;
  private connected = false;
  private quality: ViewerQuality = 'auto';
  /** The size last asked of the phone ("WxH"), so a resize that changes nothing sends nothing. */
  private askedSize = '';
  private resizeTimer: ReturnType<typeof setTimeout> | null = null;
  private observer: ResizeObserver | null = null;

  private constructor(
    private readonly socket: WebSocket,
    private readonly rfb: RFB,
    private readonly target: HTMLElement,
  ) {}

  /** Loads noVNC on first use (it stays out of the console's first download) and connects. */
  static async open(
    target: HTMLElement,
    url: string,
    viewOnly: boolean,
    quality: ViewerQuality,
    handlers: ViewerStreamHandlers,
  ): Promise<ViewerStream> {
    const { default: Rfb } = await import('@novnc/novnc');
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    let rfb: RFB;
    try {
      rfb = new Rfb(target, socket, { shared: true });
    } catch (e) {
      socket.close(1000, 'viewer failed to start');
      throw e;
    }
    const stream = new ViewerStream(socket, rfb, target);
    stream.quality = quality;

    rfb.viewOnly = viewOnly;
    rfb.scaleViewport = true;
    // The size is asked for by applyQuality below, not by noVNC: noVNC would ask for the window's size
    // only, in CSS pixels, and only in one of our three modes.
    rfb.resizeSession = false;
    // A phone sends no cursor shape: show a local dot where the technician's pointer is.
    rfb.showDotCursor = true;
    rfb.background = 'transparent';

    // addEventListener, not on*: noVNC owns the socket's on* handlers.
    socket.addEventListener('message', (event) => {
      const data = event.data as ArrayBuffer | Blob | string;
      handlers.onBytes(data instanceof ArrayBuffer ? data.byteLength : typeof data === 'string' ? data.length : data.size);
    });
    socket.addEventListener('close', (event) => {
      if (!stream.closedByUs) handlers.onClose(event.code);
    });
    rfb.addEventListener('connect', () => {
      stream.connected = true;
      stream.applyQuality();
      stream.watchSize();
      handlers.onConnect();
    });
    countFramebufferUpdates(rfb, handlers.onFrame);
    return stream;
  }

  /** Switches the quality menu's choice; applied at once when connected, else on connect. */
  setQuality(quality: ViewerQuality): void {
    this.quality = quality;
    if (this.connected) this.applyQuality();
  }

  /**
   * Tells noVNC the JPEG and compression levels (it sends SetEncodings) and asks the phone for the
   * frame size with a SetDesktopSize of our own on the same socket: noVNC writes each of its messages
   * whole in one send, so ours never lands inside one of its.
   */
  private applyQuality(): void {
    const box = this.target.getBoundingClientRect();
    const plan = qualityPlan(this.quality, box, window.devicePixelRatio);
    this.rfb.qualityLevel = plan.qualityLevel;
    this.rfb.compressionLevel = plan.compressionLevel;
    if (!plan.size || this.socket.readyState !== WebSocket.OPEN) return;
    const key = `${plan.size.width}x${plan.size.height}`;
    if (key === this.askedSize) return;
    this.askedSize = key;
    this.socket.send(setDesktopSizeMessage(plan.size.width, plan.size.height));
  }

  /** Asks again when the picture area changes size (window, layout, zoom), at most every 200 ms. */
  private watchSize(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver(() => {
      if (this.resizeTimer) clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => {
        this.resizeTimer = null;
        if (this.connected && !this.closedByUs) this.applyQuality();
      }, 200);
    });
    this.observer.observe(this.target);
  }

  set viewOnly(viewOnly: boolean) {
    this.rfb.viewOnly = viewOnly;
  }

  /** Press and release of one key (ignored by noVNC while view-only). */
  sendKey(keysym: number): void {
    this.rfb.sendKey(keysym, null);
  }

  focus(): void {
    this.rfb.focus({ preventScroll: true });
  }

  /** The current picture as a PNG data URL, also after a close (noVNC keeps its canvas); null before the first picture. */
  snapshot(): string | null {
    try {
      const url = this.rfb.toDataURL('image/png');
      return url.startsWith('data:image/') ? url : null;
    } catch {
      return null;
    }
  }

  pngBlob(): Promise<Blob | null> {
    return new Promise((resolve) => {
      try {
        this.rfb.toBlob((blob) => resolve(blob), 'image/png');
      } catch {
        resolve(null);
      }
    });
  }

  close(): void {
    if (this.closedByUs) return;
    this.closedByUs = true;
    this.observer?.disconnect();
    if (this.resizeTimer) clearTimeout(this.resizeTimer);
    // Close with 1000 ourselves first (noVNC would close without a code), then let noVNC tidy up.
    if (this.socket.readyState === WebSocket.CONNECTING || this.socket.readyState === WebSocket.OPEN) {
      this.socket.close(1000, 'viewer closed');
    }
    try {
      this.rfb.disconnect();
    } catch {
      // already disconnected
    }
  }
}

/**
 * noVNC has no event per FramebufferUpdate, so we wrap its private `_framebufferUpdate()`, which
 * returns true once an update has been received completely and flipped to the screen.
 * This is an internal of @novnc/novnc 1.7.0, pinned exactly in package.json for this reason:
 * re-check rfb.js (`_normalMsg` → `_framebufferUpdate`) before upgrading. If it is missing, fps
 * just stays at 0; the picture is not affected.
 */
function countFramebufferUpdates(rfb: RFB, onFrame: () => void): void {
  const internals = rfb as unknown as { _framebufferUpdate?: () => boolean };
  const original = internals._framebufferUpdate;
  if (typeof original !== 'function') return;
  internals._framebufferUpdate = function (this: unknown) {
    const done = original.call(this);
    if (done) onFrame();
    return done;
  };
}
