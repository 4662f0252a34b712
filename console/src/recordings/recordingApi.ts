import { API_BASE, request } from '../api/http';
import type { components } from '../api/openapi.gen';
import { parseRecording, type RecordingContents } from './recordingFile';

export type RecordingInfo = components['schemas']['Recording'];

const enc = encodeURIComponent;

/** A session's recording over REST (docs/recording.md). */
export const recordingApi = {
  /** What the recording holds; null when the session has none (404). */
  info: async (session: string): Promise<RecordingInfo | null> => {
    try {
      return await request<RecordingInfo>('GET', `/sessions/${enc(session)}/recording`);
    } catch (e) {
      if ((e as { status?: number }).status === 404) return null;
      throw e;
    }
  },
  /** The export, for the Download link (the browser saves it as a .tandemrec file). */
  fileUrl: (session: string) => `${API_BASE}/sessions/${enc(session)}/recording/file`,
  /** The whole file for playback, read here (audited as played back). */
  load: async (session: string): Promise<RecordingContents> => {
    const response = await fetch(`${API_BASE}/sessions/${enc(session)}/recording/file?purpose=playback`, {
      credentials: 'same-origin',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return parseRecording(await response.arrayBuffer());
  },
  remove: (session: string) => request<void>('DELETE', `/sessions/${enc(session)}/recording`),
};
