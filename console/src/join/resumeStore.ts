import type { ResumeRecord, ResumeStore } from './agentSession';

/**
 * Keeps the resume token in sessionStorage, per code, so that a reload of the join page (or a
 * second visit in the same tab) resumes the session instead of trying the used code again.
 * sessionStorage and not localStorage: the token must not outlive the tab.
 */
export function sessionResumeStore(storage: Storage | null, code: string): ResumeStore {
  const key = `tandem.join.${code}`;
  return {
    load() {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return null;
        const record = JSON.parse(raw) as Partial<ResumeRecord>;
        if (typeof record.session !== 'string' || typeof record.token !== 'string') return null;
        return {
          session: record.session,
          token: record.token,
          customerName: typeof record.customerName === 'string' ? record.customerName : '',
          nextCseq: typeof record.nextCseq === 'number' ? record.nextCseq : 1,
          pending: Array.isArray(record.pending) ? record.pending : [],
        };
      } catch {
        return null;
      }
    },
    save(record) {
      try {
        storage?.setItem(key, JSON.stringify(record));
      } catch {
        // storage full or disabled: the session still works, only a reload cannot resume it
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // nothing stored
      }
    },
  };
}
