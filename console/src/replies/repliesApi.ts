import { request } from '../api/http';
import type { CannedReply } from '../api/types';

const enc = encodeURIComponent;

/** What a reply is made of when it is written or changed. */
export interface ReplyDraft {
  shortcut: string;
  text: string;
}

/** The REST calls of canned replies: the caller's own list, and a portal's shared ones (docs: README, openapi.json). */
export const repliesApi = {
  /** Personal replies and every portal's shared ones. */
  usable: () => request<CannedReply[]>('GET', '/replies'),
  addPersonal: (draft: ReplyDraft) => request<CannedReply>('POST', '/replies', draft),
  changePersonal: (id: number, draft: ReplyDraft) => request<CannedReply>('PUT', `/replies/${id}`, draft),
  removePersonal: (id: number) => request<void>('DELETE', `/replies/${id}`),
  ofPortal: (slug: string) => request<CannedReply[]>('GET', `/portals/${enc(slug)}/replies`),
  addShared: (slug: string, draft: ReplyDraft) => request<CannedReply>('POST', `/portals/${enc(slug)}/replies`, draft),
  changeShared: (slug: string, id: number, draft: ReplyDraft) =>
    request<CannedReply>('PUT', `/portals/${enc(slug)}/replies/${id}`, draft),
  removeShared: (slug: string, id: number) => request<void>('DELETE', `/portals/${enc(slug)}/replies/${id}`),
};
