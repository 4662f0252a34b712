/** `tandem-<session>-<what>-<UTC time>.<ext>`, safe as a file name on every desktop system. */
export function stampedFileName(session: string, what: string | null, ext: string, at: Date): string {
  const safeSession = session.replace(/[^A-Za-z0-9_-]/g, '_');
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  return `tandem-${safeSession}${what ? `-${what}` : ''}-${stamp}.${ext}`;
}

/** Starts the browser's download of a blob under a file name. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
