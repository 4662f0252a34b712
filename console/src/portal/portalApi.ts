import { request } from '../api/http';
import type { components } from '../api/openapi.gen';
import type { RequestView } from './requestView';

const enc = encodeURIComponent;

type NewRequest = components['schemas']['NewChatRequest'];

/**
 * The customer's request calls (docs/requests.md). Not signed in: the request's token goes in the
 * query, as the socket needs it too.
 */
export const portalApi = {
  create: (slug: string, body: NewRequest) =>
    request<components['schemas']['NewChatRequestCreated']>('POST', `/portals/${enc(slug)}/requests`, body),
  get: (id: string, token: string) => request<RequestView>('GET', `/requests/${enc(id)}?token=${enc(token)}`),
  cancel: (id: string, token: string) => request<RequestView>('POST', `/requests/${enc(id)}/cancel?token=${enc(token)}`),
  followUp: (id: string, token: string, email: string) =>
    request<RequestView>('POST', `/requests/${enc(id)}/follow-up?token=${enc(token)}`, { email }),
};
