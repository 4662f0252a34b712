import { stampedFileName } from '../ui/download';

export { downloadBlob } from '../ui/download';

/** `tandem-<session>-<UTC time>.png`, safe as a file name on every desktop system. */
export function screenshotName(session: string, at: Date): string {
  return stampedFileName(session, null, 'png', at);
}
