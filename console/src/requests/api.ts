import { request } from '../api/http';
import type { components } from '../api/openapi.gen';
import type { ChatRequest } from './types';

const enc = encodeURIComponent;

/** The technicians' request calls (docs/requests.md). */
export const requestsApi = {
  waiting: () => request<ChatRequest[]>('GET', '/requests'),
  followUps: () => request<ChatRequest[]>('GET', '/requests?status=expired'),
  accept: (id: string) => request<components['schemas']['AcceptedRequest']>('POST', `/requests/${enc(id)}/accept`),
};
