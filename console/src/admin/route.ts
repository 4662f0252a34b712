/**
 * The Management Center's place in the URL hash, so a page can be reloaded and bookmarked:
 * `#/admin/technicians`, `#/admin/portals`, `#/admin/settings`, `#/admin/history`,
 * `#/admin/history/{session}`, `#/admin/surveys`, `#/admin/audit`, each optionally with `?filters`;
 * `#/viewer/{session}` is a session's Viewer in a browser window of its own (popped out); `#/account` is
 * the user's own account (password, two-factor sign-in, tokens). Anything else is the console.
 */
export const SECTIONS = ['technicians', 'portals', 'settings', 'history', 'surveys', 'audit'] as const;
export type Section = (typeof SECTIONS)[number];

export type Route =
  | { view: 'console' }
  | { view: 'viewer'; session: string }
  | { view: 'account' }
  | { view: 'admin'; section: Section; session?: string; query: URLSearchParams };

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a malformed escape stays as written
  }
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path, search = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'viewer' && parts[1]) return { view: 'viewer', session: decoded(parts[1]) };
  if (parts[0] === 'account') return { view: 'account' };
  if (parts[0] !== 'admin') return { view: 'console' };
  const query = new URLSearchParams(search);
  const section = (SECTIONS as readonly string[]).includes(parts[1]) ? (parts[1] as Section) : 'technicians';
  if (section === 'history' && parts[2]) return { view: 'admin', section, session: decoded(parts[2]), query };
  return { view: 'admin', section, query };
}

export function formatRoute(route: Route): string {
  if (route.view === 'console') return '#/';
  if (route.view === 'viewer') return `#/viewer/${encodeURIComponent(route.session)}`;
  if (route.view === 'account') return '#/account';
  let hash = `#/admin/${route.section}`;
  if (route.section === 'history' && route.session) hash += `/${encodeURIComponent(route.session)}`;
  const search = route.query.toString();
  return search ? `${hash}?${search}` : hash;
}

/** A link to a section, optionally filtered. */
export function adminHref(section: Section, query?: Record<string, string>, session?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v.trim()) params.set(k, v.trim());
  return formatRoute({ view: 'admin', section, session, query: params });
}
