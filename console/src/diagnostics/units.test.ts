import { describe, expect, it } from 'vitest';
import { read, valueOf } from './reading';
import { units } from './units';

describe('units', () => {
  const en = units('en');
  const es = units('es');

  it('shows sizes in decimal units, as Android does', () => {
    expect(en.bytes(256_000_000_000)).toBe('256.0 GB');
    expect(en.bytes(3_200_000_000)).toBe('3.2 GB');
    expect(en.bytes(150_000_000)).toBe('150 MB');
    expect(en.bytes(2_500_000)).toBe('2.5 MB');
    expect(en.bytes(12_345)).toBe('12 kB');
    expect(en.bytes(512)).toBe('512 B');
    expect(en.bytes(1_500_000_000_000)).toBe('1.5 TB');
    expect(en.bytes(-1)).toBe('–');
  });

  it('writes decimals the Spanish way in Spanish', () => {
    expect(es.bytes(3_200_000_000)).toBe('3,2 GB');
    expect(es.celsius(31.5)).toBe('31,5 °C');
  });

  it('puts the unit after every physical value', () => {
    expect(en.percent(80)).toBe('80 %');
    expect(en.celsius(31.5)).toBe('31.5 °C');
    expect(en.millivolts(4200)).toBe('4,200 mV');
    expect(en.hertz(120)).toBe('120 Hz');
    expect(en.hertz(59.94)).toBe('59.9 Hz');
    expect(en.dpi(600)).toBe('600 dpi');
    expect(en.pixels(1440, 3088)).toBe('1,440 × 3,088 px');
    expect(en.dbm(-58)).toBe('-58 dBm');
    expect(en.mbps(866)).toBe('866 Mbit/s');
  });

  it('shows uptime in days and hours, or hours and minutes', () => {
    expect(en.duration(90_000)).toBe('1 d 1 h');
    expect(en.duration(3_720)).toBe('1 h 2 min');
    expect(en.duration(59)).toBe('0 min');
  });
});

describe('read', () => {
  it('takes a value, an unavailable reason, or calls anything else not in the report', () => {
    expect(read({ value: 42 })).toEqual({ ok: true, value: 42 });
    expect(read({ value: 0 })).toEqual({ ok: true, value: 0 });
    expect(read({ value: false })).toEqual({ ok: true, value: false });
    expect(read({ unavailable: 'no battery' })).toEqual({ ok: false, reason: 'no battery' });
    expect(read(undefined)).toEqual({ ok: false, reason: 'not in the report' });
    expect(read(null)).toEqual({ ok: false, reason: 'not in the report' });
    expect(read({} as never)).toEqual({ ok: false, reason: 'not in the report' });
    expect(read({ unavailable: ' ' })).toEqual({ ok: false, reason: 'not in the report' });
    expect(valueOf({ value: 'x' })).toBe('x');
    expect(valueOf({ unavailable: 'why' })).toBeUndefined();
  });
});
