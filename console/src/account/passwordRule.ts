import type { MessageKey } from '../i18n/en';

/**
 * The password rule the server enforces, checked before asking it: at least 12 characters, not
 * containing the user name, typed the same twice. (Whether it is among the 10,000 most common
 * passwords only the server knows.)
 */
export function passwordProblem(username: string, password: string, repeat?: string): MessageKey | undefined {
  if ([...password].length < 12) return 'account.password.tooShort';
  if ([...password].length > 200) return 'account.password.tooLong';
  if (username.length >= 2 && password.toLowerCase().includes(username.toLowerCase())) return 'account.password.hasName';
  if (repeat !== undefined && repeat !== password) return 'account.password.mismatch';
  return undefined;
}
