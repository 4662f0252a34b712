import { useState } from 'preact/hooks';
import type { User } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { adminApi } from './adminApi';
import { ResetSecondFactorDialog, SecondFactorBadge } from './SecondFactorReset';
import { ConfirmDialog, Field, FormFooter, LoadState, onText, PageHeader, useErrorText } from './parts';
import type { AdminUser } from './types';
import { useLoad } from './useLoad';
import {
  createUserBody,
  emptyUserDraft,
  hasErrors,
  updateUserBody,
  userDraftOf,
  validatePassword,
  validateUser,
  type FieldErrors,
  type UserDraft,
  type UserField,
} from './validation';

type Open =
  | { kind: 'create' }
  | { kind: 'edit'; user: AdminUser }
  | { kind: 'password'; user: AdminUser }
  | { kind: 'enable'; user: AdminUser; enabled: boolean }
  | { kind: 'second-factor'; user: AdminUser }
  | null;

/** Technicians and administrators: list, add, edit, reset password, disable and enable (after asking). */
export function TechniciansPage({ me }: { me: User }) {
  const { t } = useI18n();
  const [users, reload, setUsers] = useLoad(() => adminApi.users(), 'users');
  const [open, setOpen] = useState<Open>(null);
  const list = users.data ?? [];

  const replace = (user: AdminUser) => {
    const others = list.filter((u) => u.username !== user.username);
    setUsers([...others, user].sort((a, b) => a.username.localeCompare(b.username)));
  };

  return (
    <section class="mc-page" data-testid="mc-technicians" aria-labelledby="mc-title">
      <PageHeader title={t('admin.tech.title')} intro={t('admin.tech.intro')}>
        <button type="button" class="btn btn--primary" data-testid="add-user" onClick={() => setOpen({ kind: 'create' })}>
          <Icon name="plus" size={16} />
          {t('admin.tech.add')}
        </button>
      </PageHeader>

      <div class="card">
        {list.length > 0 ? (
          <div class="mc-table-wrap">
            <table class="mc-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.tech.username')}</th>
                  <th scope="col">{t('admin.tech.displayName')}</th>
                  <th scope="col">{t('admin.tech.role')}</th>
                  <th scope="col">{t('admin.tech.status')}</th>
                  <th scope="col">{t('admin.tech.twoFactor')}</th>
                  <th scope="col" class="mc-table__actions">
                    <span class="visually-hidden">{t('admin.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((user) => {
                  const self = user.username === me.username;
                  return (
                    <tr key={user.username} data-testid="user-row" data-username={user.username} data-enabled={String(user.enabled)}>
                      <td class="mc-mono">{user.username}</td>
                      <td>
                        {user.displayName || user.username}
                        {self && <span class="badge badge--info mc-you">{t('admin.tech.you')}</span>}
                      </td>
                      <td>{user.role === 'admin' ? t('auth.role.admin') : t('auth.role.technician')}</td>
                      <td>
                        <span class={`badge ${user.enabled ? 'badge--success' : 'badge--neutral'}`}>
                          {user.enabled ? t('admin.tech.enabled') : t('admin.tech.disabled')}
                        </span>
                      </td>
                      <td data-testid="user-2fa">
                        <SecondFactorBadge user={user} />
                      </td>
                      <td class="mc-table__actions">
                        <button type="button" class="btn btn--small btn--ghost" data-testid="edit-user" onClick={() => setOpen({ kind: 'edit', user })}>
                          {t('admin.edit')}
                        </button>
                        <button
                          type="button"
                          class="btn btn--small btn--ghost"
                          data-testid="reset-password"
                          onClick={() => setOpen({ kind: 'password', user })}
                        >
                          {t('admin.tech.resetPassword')}
                        </button>
                        {(user.secondFactor?.totp || (user.secondFactor?.passkeys ?? 0) > 0) && (
                          <button
                            type="button"
                            class="btn btn--small btn--ghost"
                            data-testid="reset-second-factor"
                            onClick={() => setOpen({ kind: 'second-factor', user })}
                          >
                            {t('admin.tech.resetTwoFactor')}
                          </button>
                        )}
                        {user.enabled ? (
                          <button
                            type="button"
                            class="btn btn--small btn--ghost-danger"
                            data-testid="disable-user"
                            disabled={self}
                            title={self ? t('admin.tech.cannotDisableSelf') : undefined}
                            onClick={() => setOpen({ kind: 'enable', user, enabled: false })}
                          >
                            {t('admin.tech.disable')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            class="btn btn--small btn--ghost"
                            data-testid="enable-user"
                            onClick={() => setOpen({ kind: 'enable', user, enabled: true })}
                          >
                            {t('admin.tech.enable')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <LoadState
            loading={users.status === 'loading'}
            error={users.status === 'error' ? users.error : undefined}
            empty={t('admin.tech.empty')}
            onRetry={reload}
          />
        )}
      </div>

      {open?.kind === 'create' && <UserDialog onClose={() => setOpen(null)} onSaved={replace} />}
      {open?.kind === 'edit' && <UserDialog user={open.user} onClose={() => setOpen(null)} onSaved={replace} />}
      {open?.kind === 'password' && <PasswordDialog user={open.user} onClose={() => setOpen(null)} />}
      {open?.kind === 'second-factor' && <ResetSecondFactorDialog user={open.user} onClose={() => setOpen(null)} onDone={reload} />}
      {open?.kind === 'enable' && (
        <EnableDialog user={open.user} enabled={open.enabled} onClose={() => setOpen(null)} onSaved={replace} />
      )}
    </section>
  );
}

function UserDialog({ user, onClose, onSaved }: { user?: AdminUser; onClose: () => void; onSaved: (user: AdminUser) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const creating = !user;
  const [draft, setDraft] = useState<UserDraft>(user ? userDraftOf(user) : emptyUserDraft);
  const [errors, setErrors] = useState<FieldErrors<UserField>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends UserField>(key: K) => (value: UserDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateUser(draft, creating);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setServerError(null);
    try {
      const saved = creating
        ? await adminApi.createUser(createUserBody(draft))
        : await adminApi.updateUser(user.username, updateUserBody(draft));
      onSaved(saved);
      toast(t(creating ? 'admin.tech.created' : 'admin.saved', { name: saved.username }));
      onClose();
    } catch (e) {
      setServerError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={creating ? t('admin.tech.add') : t('admin.tech.editTitle', { name: user.username })} onClose={onClose} testId="user-dialog">
      <form class="mc-form" onSubmit={submit} noValidate>
        {creating && (
          <Field label={t('admin.tech.username')} hint={t('admin.tech.usernameHint')} error={errors.username}>
            {(p) => (
              <input {...p} name="username" type="text" autoComplete="off" autoCapitalize="none" spellcheck={false} value={draft.username} onInput={onText(set('username'))} />
            )}
          </Field>
        )}
        <Field label={t('admin.tech.displayName')} error={errors.displayName}>
          {(p) => <input {...p} name="displayName" type="text" autoComplete="off" value={draft.displayName} onInput={onText(set('displayName'))} />}
        </Field>
        <Field label={t('admin.tech.email')} hint={t('admin.tech.emailHint')} error={errors.email}>
          {(p) => <input {...p} name="email" type="email" autoComplete="off" value={draft.email} onInput={onText(set('email'))} />}
        </Field>
        <Field label={t('admin.tech.role')}>
          {(p) => (
            <select {...p} name="role" value={draft.role} onChange={(e) => set('role')((e.currentTarget as HTMLSelectElement).value as UserDraft['role'])}>
              <option value="technician">{t('auth.role.technician')}</option>
              <option value="admin">{t('auth.role.admin')}</option>
            </select>
          )}
        </Field>
        {creating && (
          <Field label={t('admin.tech.password')} hint={t('admin.tech.passwordHint')} error={errors.password}>
            {(p) => <input {...p} name="password" type="password" autoComplete="new-password" value={draft.password} onInput={onText(set('password'))} />}
          </Field>
        )}
        <FormFooter serverError={serverError} busy={busy} onCancel={onClose} submitTestId="save-user"
          submitLabel={creating ? t('admin.tech.create') : t('admin.save')} />
      </form>
    </Dialog>
  );
}

function PasswordDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: ReturnType<typeof validatePassword>; repeat?: 'admin.v.repeat' }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = { password: validatePassword(password), repeat: password !== repeat ? ('admin.v.repeat' as const) : undefined };
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setServerError(null);
    try {
      await adminApi.updateUser(user.username, { password });
      toast(t('admin.tech.passwordReset', { name: user.username }));
      onClose();
    } catch (e) {
      setServerError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('admin.tech.resetTitle', { name: user.username })} onClose={onClose} testId="password-dialog">
      <form class="mc-form" onSubmit={submit} noValidate>
        <p class="dialog__text">{t('admin.tech.resetText')}</p>
        <Field label={t('admin.tech.newPassword')} hint={t('admin.tech.passwordHint')} error={errors.password}>
          {(p) => <input {...p} name="new-password" type="password" autoComplete="new-password" value={password} onInput={onText(setPassword)} />}
        </Field>
        <Field label={t('admin.tech.repeatPassword')} error={errors.repeat}>
          {(p) => <input {...p} name="repeat-password" type="password" autoComplete="new-password" value={repeat} onInput={onText(setRepeat)} />}
        </Field>
        <FormFooter serverError={serverError} busy={busy} onCancel={onClose} submitTestId="save-password"
          submitLabel={t('admin.tech.setPassword')} />
      </form>
    </Dialog>
  );
}

function EnableDialog({
  user,
  enabled,
  onClose,
  onSaved,
}: {
  user: AdminUser;
  enabled: boolean;
  onClose: () => void;
  onSaved: (user: AdminUser) => void;
}) {
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
      const saved = await adminApi.updateUser(user.username, { enabled });
      onSaved(saved);
      toast(t(enabled ? 'admin.tech.enabledToast' : 'admin.tech.disabledToast', { name }));
      onClose();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={t(enabled ? 'admin.tech.enableTitle' : 'admin.tech.disableTitle', { name })}
      text={t(enabled ? 'admin.tech.enableText' : 'admin.tech.disableText', { name })}
      confirm={t(enabled ? 'admin.tech.enable' : 'admin.tech.disable')}
      danger={!enabled}
      busy={busy}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}
