import { describe, expect, it } from 'vitest';
import { clampWidth, DEFAULT_LAYOUT, parseLayout } from './layoutPrefs';

describe('layout preferences', () => {
  it('reads back what was saved and keeps widths within their limits', () => {
    expect(parseLayout('{"sideCollapsed":true,"sideWidth":9999,"viewerWidth":480,"toolsWidth":10}')).toEqual({
      sideCollapsed: true,
      sideWidth: 560,
      viewerWidth: 480,
      toolsWidth: 260,
    });
    expect(clampWidth('sideWidth', 300.4)).toBe(300);
  });

  it('falls back to the defaults for anything unreadable', () => {
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('[oops')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{"sideWidth":"wide"}')).toEqual(DEFAULT_LAYOUT);
  });
});
