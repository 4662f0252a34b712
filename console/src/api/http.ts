/**
 * The one place that talks HTTP to /api/v1: cookie credentials, the CSRF header on every
 * non-GET request, JSON in and out, and errors turned into ApiError carrying the server's message.
 */

import { ERROR_CODES } from './errorCodes';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True when the request never got an answer (server down, network gone). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

let csrfToken: string | null = null;
let language: string | null = null;
let unauthorizedHandler: (() => void) | null = null;
let reauthenticationHandler: (() => Promise<boolean>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token for a request this module cannot send itself (raw bytes: files both ways). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/**
 * The language the console is shown in: sent as Accept-Language, so that what the server words
 * (transcript lines, audit details) comes in the technician's language, not the browser's.
 */
export function setRequestLanguage(lang: string | null): void {
  language = lang;
}

/** Called on every 401 answer: the console goes back to the sign-in form. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/**
 * Called when the server wants a fresh proof of identity before a dangerous action
 * (403 reauthentication_required): resolves true once the person proved it, and the request is sent again.
 */
export function onReauthenticationNeeded(handler: (() => Promise<boolean>) | null): void {
  reauthenticationHandler = handler;
}

export const API_BASE = '/api/v1';

export async function request<T>(method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  try {
    return await send<T>(method, path, body, extraHeaders);
  } catch (e) {
    if (e instanceof ApiError && e.code === ERROR_CODES.REAUTHENTICATION_REQUIRED.code && reauthenticationHandler && (await reauthenticationHandler())) {
      return send<T>(method, path, body, extraHeaders);
    }
    throw e;
  }
}

async function send<T>(method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  if (language) headers['Accept-Language'] = language;
  if (method !== 'GET' && method !== 'HEAD') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      // POST without a body still sends an empty JSON object, for servers that parse every POST body.
      body: body !== undefined ? JSON.stringify(body) : method === 'POST' || method === 'PUT' ? '{}' : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401) unauthorizedHandler?.();
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? '');
  }
  return data as T;
}

/** The text to show for a failed call: the server's message, else a generic sentence. */
export function errorMessage(error: unknown, fallbacks: { network: string; generic: string }): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    return error.isNetwork ? fallbacks.network : fallbacks.generic;
  }
  return fallbacks.generic;
}
