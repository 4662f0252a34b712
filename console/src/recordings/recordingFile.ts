/**
 * The recording format of docs/recording.md, read in the browser for playback: the magic line
 * `TANDEM-RECORDING 1\n`, a 4-byte big-endian header length, the header (UTF-8 JSON), then records
 * `kind (1) | stream (8) | epoch ms (8) | length (4) | bytes` to the end.
 */

export const RECORD = { SCREEN: 1, INPUT: 2, OPENED: 3, CLOSED: 4 } as const;

const MAGIC = 'TANDEM-RECORDING 1\n';
const HEAD = 21;

export interface RecordEntry {
  kind: number;
  stream: number;
  /** Epoch milliseconds. */
  at: number;
  bytes: Uint8Array;
}

export interface RecordingContents {
  header: RecordingHeader;
  entries: RecordEntry[];
}

export interface RecordingHeader {
  format: number;
  recording?: { startedAt?: string; endedAt?: string | null; complete?: boolean; parts?: { incomplete?: string | null }[] };
  transcript?: { seq: number; sender: string; name: string; text: string; at: string; key?: string; params?: Record<string, string> }[];
}

/** One viewer's RFB session in the recording: from its stream's opening to its closing. */
export interface Segment {
  stream: number;
  start: number;
  end: number;
  /** The phone's bytes to this viewer, in order. */
  screen: { at: number; bytes: Uint8Array }[];
}

export class RecordingFormatError extends Error {}

/** Reads a whole recording; a wrong magic or a cut record is a {@link RecordingFormatError}. */
export function parseRecording(buffer: ArrayBuffer): RecordingContents {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC || bytes.length < MAGIC.length + 4) throw new RecordingFormatError('not a Tandem recording of format 1');
  const headerLength = view.getUint32(MAGIC.length);
  let at = MAGIC.length + 4;
  if (at + headerLength > bytes.length) throw new RecordingFormatError('the header is cut short');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + headerLength))) as RecordingHeader;
  at += headerLength;
  const entries: RecordEntry[] = [];
  while (at < bytes.length) {
    if (at + HEAD > bytes.length) throw new RecordingFormatError('the recording ends inside a record');
    const kind = view.getUint8(at);
    const stream = Number(view.getBigUint64(at + 1));
    const time = Number(view.getBigInt64(at + 9));
    const length = view.getUint32(at + 17);
    const start = at + HEAD;
    if (start + length > bytes.length) throw new RecordingFormatError('the recording ends inside a record');
    entries.push({ kind, stream, at: time, bytes: bytes.subarray(start, start + length) });
    at = start + length;
  }
  return { header, entries };
}

/** The viewers' RFB sessions: each stream's opening starts one (an id may come again in a later part). */
export function segmentsOf(entries: RecordEntry[]): Segment[] {
  const segments: Segment[] = [];
  const open = new Map<number, Segment>();
  for (const entry of entries) {
    if (entry.kind === RECORD.OPENED) {
      const segment: Segment = { stream: entry.stream, start: entry.at, end: Infinity, screen: [] };
      open.set(entry.stream, segment);
      segments.push(segment);
    } else if (entry.kind === RECORD.CLOSED) {
      const segment = open.get(entry.stream);
      if (segment) segment.end = entry.at;
      open.delete(entry.stream);
    } else if (entry.kind === RECORD.SCREEN) {
      let segment = open.get(entry.stream);
      if (!segment) {
        segment = { stream: entry.stream, start: entry.at, end: Infinity, screen: [] };
        open.set(entry.stream, segment);
        segments.push(segment);
      }
      segment.screen.push({ at: entry.at, bytes: entry.bytes });
    }
  }
  return segments;
}

/**
 * The session a viewer showed at `time`: of those open then (its closing moment included, so the end of a
 * recording shows its last picture), the one opened last; null when none was.
 */
export function segmentAt(segments: Segment[], time: number): Segment | null {
  let found: Segment | null = null;
  for (const segment of segments) {
    if (segment.start <= time && time <= segment.end && (!found || segment.start >= found.start)) found = segment;
  }
  return found;
}

/** The first and last moment of the recording (epoch ms). */
export function spanOf(contents: RecordingContents): { start: number; end: number } {
  const times = contents.entries.map((e) => e.at);
  const started = Date.parse(contents.header.recording?.startedAt ?? '');
  const start = times.length ? Math.min(times[0], Number.isNaN(started) ? times[0] : started) : Number.isNaN(started) ? 0 : started;
  const end = times.length ? times[times.length - 1] : start;
  return { start, end: Math.max(start, end) };
}
