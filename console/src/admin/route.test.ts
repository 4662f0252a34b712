import { describe, expect, it } from 'vitest';
import { adminHref, formatRoute, parseRoute } from './route';

describe('hash routes', () => {
  it('is the console for anything that is not #/admin', () => {
    expect(parseRoute('')).toEqual({ view: 'console' });
    expect(parseRoute('#/')).toEqual({ view: 'console' });
    expect(parseRoute('#diag-battery')).toEqual({ view: 'console' });
  });

  it('reads the section, a session page and the filters', () => {
    const portals = parseRoute('#/admin/portals');
    expect(portals).toMatchObject({ view: 'admin', section: 'portals' });
    expect(parseRoute('#/admin')).toMatchObject({ view: 'admin', section: 'technicians' });
    expect(parseRoute('#/admin/nonsense')).toMatchObject({ view: 'admin', section: 'technicians' });
    const session = parseRoute('#/admin/history/abc%2F1');
    expect(session).toMatchObject({ view: 'admin', section: 'history', session: 'abc/1' });
    const audit = parseRoute('#/admin/audit?actor=lucia&action=permission');
    expect(audit.view === 'admin' && audit.query.get('action')).toBe('permission');
  });

  it('writes what it reads', () => {
    for (const hash of ['#/admin/settings', '#/admin/history/s-1', '#/admin/audit?actor=lucia', '#/admin/history?portal=printers&status=ended']) {
      expect(formatRoute(parseRoute(hash))).toBe(hash);
    }
    expect(adminHref('history', { portal: 'printers', from: '', status: ' ended ' })).toBe('#/admin/history?portal=printers&status=ended');
    expect(adminHref('history', undefined, 'a b')).toBe('#/admin/history/a%20b');
  });
});

describe('the pop-out Viewer route', () => {
  it('names the session whose Viewer the window shows', () => {
    expect(parseRoute('#/viewer/s_abc%2B1')).toEqual({ view: 'viewer', session: 's_abc+1' });
    expect(formatRoute({ view: 'viewer', session: 's_abc+1' })).toBe('#/viewer/s_abc%2B1');
    expect(parseRoute('#/viewer/')).toEqual({ view: 'console' });
  });
});
