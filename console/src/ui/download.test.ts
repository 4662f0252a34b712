import { describe, expect, it } from 'vitest';
import { stampedFileName } from './download';

describe('stampedFileName', () => {
  it('names an export after the session, what it is and the UTC time', () => {
    expect(stampedFileName('s_abc', 'diagnostics', 'json', new Date('2025-06-01T09:30:00Z'))).toBe('tandem-s_abc-diagnostics-20250601T093000Z.json');
    expect(stampedFileName('s/x', null, 'png', new Date('2025-06-01T09:30:00.5Z'))).toBe('tandem-s_x-20250601T093000Z.png');
  });
});
