import type { LogFile, Session } from '../api/types';
import { groupCode } from '../codes/codeFormat';
import type { Translate } from '../i18n/translate';
import { deviceName } from '../sessions/deviceText';

export interface ComposeDraft {
  to: string;
  subject: string;
  message: string;
  /** Ids of the files to attach, in the order they are listed. */
  files: string[];
}

/** "Samsung SM-S918B, Android 14", or the unknown-device words. */
export function phoneText(session: Session, t: Translate): string {
  const name = deviceName(session.device, t) || t('chat.unknownDevice');
  const version = session.device?.androidVersion;
  return version ? `${name}, ${t('chat.android', { version })}` : name;
}

/**
 * The new email with the log files, as Send Logfiles prepares it: no address yet, the subject and
 * body naming the session code, the customer and the phone, and every stored file attached.
 */
export function composeDefaults(session: Session, files: LogFile[], t: Translate): ComposeDraft {
  const params = {
    code: groupCode(session.code),
    name: session.customerName || t('sessions.customer'),
    phone: phoneText(session, t),
    identifier: session.identifier ?? '',
  };
  const lines = [t('compose.bodyIntro', params), '', t('compose.bodyCustomer', params), t('compose.bodyPhone', params)];
  if (session.identifier) lines.push(t('compose.bodyIdentifier', params));
  lines.push(t('compose.bodyCode', params));
  return {
    to: '',
    subject: t('compose.subjectDefault', params),
    message: lines.join('\n') + '\n',
    files: files.map((file) => file.id),
  };
}

/** The request body of POST /logs/email: trimmed address, and the files that were not removed. */
export function emailRequest(draft: ComposeDraft): { to: string; subject: string; message: string; files: string[] } {
  return { to: draft.to.trim(), subject: draft.subject.trim(), message: draft.message, files: draft.files };
}
