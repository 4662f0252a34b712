import { describe, expect, it } from 'vitest';
import { parseRecording, RECORD, RecordingFormatError, segmentAt, segmentsOf, spanOf } from './recordingFile';

/** Writes a recording as the server does (docs/recording.md). */
function file(header: object, records: [number, number, number, number[]][]): ArrayBuffer {
  const magic = new TextEncoder().encode('TANDEM-RECORDING 1\n');
  const json = new TextEncoder().encode(JSON.stringify(header));
  const size = magic.length + 4 + json.length + records.reduce((n, r) => n + 21 + r[3].length, 0);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(magic, 0);
  view.setUint32(magic.length, json.length);
  bytes.set(json, magic.length + 4);
  let at = magic.length + 4 + json.length;
  for (const [kind, stream, time, payload] of records) {
    view.setUint8(at, kind);
    view.setBigUint64(at + 1, BigInt(stream));
    view.setBigInt64(at + 9, BigInt(time));
    view.setUint32(at + 17, payload.length);
    bytes.set(payload, at + 21);
    at += 21 + payload.length;
  }
  return bytes.buffer;
}

describe('recording file', () => {
  const records: [number, number, number, number[]][] = [
    [RECORD.OPENED, 1, 1000, []],
    [RECORD.SCREEN, 1, 1010, [82, 70, 66]],
    [RECORD.INPUT, 1, 1500, [5, 1, 0, 10, 0, 20]],
    [RECORD.OPENED, 2, 2000, []],
    [RECORD.SCREEN, 2, 2100, [1, 2]],
    [RECORD.CLOSED, 2, 3000, []],
    [RECORD.SCREEN, 1, 3500, [9]],
  ];

  it('reads the header and every record in order', () => {
    const parsed = parseRecording(file({ format: 1, recording: { startedAt: new Date(900).toISOString() } }, records));
    expect(parsed.header.format).toBe(1);
    expect(parsed.entries.map((e) => [e.kind, e.stream, e.at, Array.from(e.bytes)])).toEqual(records);
    expect(spanOf(parsed)).toEqual({ start: 900, end: 3500 });
  });

  it('splits the viewers and shows the one opened last while it is open', () => {
    const segments = segmentsOf(parseRecording(file({ format: 1 }, records)).entries);
    expect(segments.map((s) => [s.stream, s.start, s.end, s.screen.length])).toEqual([
      [1, 1000, Infinity, 2],
      [2, 2000, 3000, 1],
    ]);
    expect(segmentAt(segments, 999)).toBeNull();
    expect(segmentAt(segments, 1500)?.stream).toBe(1);
    expect(segmentAt(segments, 2500)?.stream).toBe(2);
    expect(segmentAt(segments, 3200)?.stream).toBe(1);
  });

  it('refuses another format and a file cut inside a record', () => {
    expect(() => parseRecording(new TextEncoder().encode('PNG').buffer)).toThrow(RecordingFormatError);
    const whole = file({ format: 1 }, records);
    expect(() => parseRecording(whole.slice(0, whole.byteLength - 1))).toThrow(RecordingFormatError);
  });
});
