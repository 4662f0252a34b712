import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useToast } from '../ui/Toast';
import { adminApi } from './adminApi';
import { ConfirmDialog, useErrorText } from './parts';
import type { AdminUser } from './types';

/** What second factors a user has, as a short badge in the Technicians table. */
export function SecondFactorBadge({ user }: { user: AdminUser }) {
  const { t } = useI18n();
  const totp = user.secondFactor?.totp ?? false;
  const passkeys = user.secondFactor?.passkeys ?? 0;
  if (!totp && passkeys === 0) return <span class="badge badge--neutral">{t('account.off')}</span>;
  const parts = [totp ? t('admin.tech.app') : null, passkeys > 0 ? t('admin.tech.passkeys', { count: passkeys }) : null].filter(Boolean);
  return <span class="badge badge--success">{parts.join(' + ')}</span>;
}

/**
 * An administrator removes a user's authenticator app and passkeys (a lost phone); the user is
 * signed out and sets up a new one at the next sign-in. The server asks for a fresh proof of
 * identity first and writes it to the audit log.
 */
export function ResetSecondFactorDialog({ user, onClose, onDone }: { user: AdminUser; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = user.displayName || user.username;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await adminApi.resetSecondFactor(user.username);
      toast(t('admin.tech.twoFactorResetToast', { name }));
      onDone();
      onClose();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={t('admin.tech.resetTwoFactorTitle', { name })}
      text={t('admin.tech.resetTwoFactorText', { name })}
      confirm={t('admin.tech.resetTwoFactor')}
      danger
      busy={busy}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}
