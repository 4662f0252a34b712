import { API_BASE, ApiError, currentCsrfToken, request } from '../api/http';
import type { SessionFile, SessionFiles } from '../api/types';

const enc = encodeURIComponent;
/** The largest part the server takes in one call (FileShelf.MAX_PART_BYTES): 16 pieces of 32 KiB. */
export const PART_BYTES = 16 * 32 * 1024;

/** Lower-case hex SHA-256 of `bytes` (the browser's own digest). */
export async function sha256(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Files both ways (docs/files.md): a session's files, sending one to the customer, asking for one. */
export const filesApi = {
  list: (session: string) => request<SessionFiles>('GET', `/sessions/${enc(session)}/files`),
  ask: (session: string) => request<SessionFile>('POST', `/sessions/${enc(session)}/file-requests`),
  downloadUrl: (session: string, file: string) => `${API_BASE}/sessions/${enc(session)}/files/${enc(file)}/content`,

  /** Declares the file, sends its bytes in parts, then offers it to the customer. */
  async send(session: string, file: File): Promise<SessionFile> {
    const bytes = await file.arrayBuffer();
    const declared = await request<SessionFile>('POST', `/sessions/${enc(session)}/files`, {
      name: file.name,
      size: bytes.byteLength,
      sha256: await sha256(bytes),
    });
    for (let at = 0; at < bytes.byteLength; at += PART_BYTES) {
      await putPart(session, declared.id, at, bytes.slice(at, Math.min(bytes.byteLength, at + PART_BYTES)), currentCsrfToken());
    }
    return request<SessionFile>('POST', `/sessions/${enc(session)}/file-offers`, { file: declared.id });
  },
};

/** One part as raw bytes (the JSON helper cannot carry them); errors as the helper words them. */
async function putPart(session: string, file: string, offset: number, part: ArrayBuffer, csrf: string | null) {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', Accept: 'application/json' };
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/sessions/${enc(session)}/files/${enc(file)}/parts/${offset}`, {
      method: 'PUT',
      headers,
      credentials: 'same-origin',
      body: part,
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!response.ok) {
    const error = ((await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null)
      ?.error;
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? '');
  }
}
