import { request } from '../api/http';
import type { SessionNote } from '../api/types';

const enc = encodeURIComponent;

/** A session's private notes: read and written by the technicians who can see the session. */
export const notesApi = {
  list: (session: string) => request<SessionNote[]>('GET', `/sessions/${enc(session)}/notes`),
  add: (session: string, text: string) => request<SessionNote>('POST', `/sessions/${enc(session)}/notes`, { text }),
};
