/**
 * The part of noVNC's RFB client (@novnc/novnc 1.7.0, core/rfb.js; docs/API.md) that the Viewer uses.
 * noVNC ships no types; this declares only what we call, so an upgrade that changes it fails to compile here.
 */
declare module '@novnc/novnc' {
  export interface RfbOptions {
    shared?: boolean;
    credentials?: { username?: string; password?: string; target?: string };
    wsProtocols?: string[];
  }

  /** The 'clipboard' event: the server's cut text (RFB ServerCutText). */
  export interface RfbClipboardEvent extends Event {
    readonly detail: { text: string };
  }

  export interface RfbDisconnectEvent extends Event {
    readonly detail: { clean: boolean };
  }

  export default class RFB extends EventTarget {
    /** `channel` may be a WebSocket that is connecting or open; noVNC takes over its on* handlers. */
    constructor(target: HTMLElement, urlOrChannel: string | WebSocket, options?: RfbOptions);
    viewOnly: boolean;
    scaleViewport: boolean;
    clipViewport: boolean;
    resizeSession: boolean;
    showDotCursor: boolean;
    focusOnClick: boolean;
    background: string;
    qualityLevel: number;
    compressionLevel: number;
    disconnect(): void;
    /** Without `down`, a press and a release. Ignored while view-only or not connected. */
    sendKey(keysym: number, code: string | null, down?: boolean): void;
    focus(options?: FocusOptions): void;
    /** Sends `text` as the client's cut text (RFB ClientCutText); ignored while view-only. */
    clipboardPasteFrom(text: string): void;
    blur(): void;
    toDataURL(type?: string, encoderOptions?: number): string;
    toBlob(callback: (blob: Blob | null) => void, type?: string, quality?: number): void;
  }
}
