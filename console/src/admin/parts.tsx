import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { errorMessage } from '../api/http';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';

/** The text of a failed call: the server's sentence (400/409), else a generic one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => errorMessage(error, { network: t('errors.network'), generic: t('errors.generic') });
}

let fieldIds = 0;

/** A labelled form field; its input gets the id, aria-invalid and the error sentence via `render`. */
export function Field({
  label,
  hint,
  error,
  children,
  class: className,
}: {
  label: string;
  hint?: string;
  error?: MessageKey;
  class?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ComponentChildren;
}) {
  const { t } = useI18n();
  const id = useRef(`f${++fieldIds}`).current;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${className ? ` ${className}` : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': described })}
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field__error" id={`${id}-error`} data-testid="field-error">
          {t(error)}
        </span>
      )}
    </div>
  );
}

/** A checkbox with its label and an optional explanation. */
export function Toggle({
  label,
  hint,
  checked,
  onChange,
  name,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name: string;
}) {
  return (
    <label class="mc-toggle">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span class="mc-toggle__text">
        <span class="mc-toggle__label">{label}</span>
        {hint && <span class="hint">{hint}</span>}
      </span>
    </label>
  );
}

/** Loading, failed (with Retry) or empty: what a page shows instead of its table. */
export function LoadState({
  loading,
  error,
  empty,
  onRetry,
}: {
  loading?: boolean;
  error?: unknown;
  empty?: string;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (error) {
    return (
      <div class="callout callout--error mc-state" role="alert" data-testid="load-error">
        <p>{errorText(error)}</p>
        {onRetry && (
          <button type="button" class="btn btn--small btn--secondary" onClick={onRetry}>
            <Icon name="refresh" size={16} />
            {t('admin.retry')}
          </button>
        )}
      </div>
    );
  }
  if (loading) {
    return (
      <p class="mc-state mc-state--loading" aria-busy="true" data-testid="loading">
        {t('common.loading')}
      </p>
    );
  }
  return empty ? (
    <p class="empty mc-state" data-testid="empty">
      {empty}
    </p>
  ) : null;
}

/** "Are you sure?" for a destructive action; the server's refusal is shown inside. */
export function ConfirmDialog({
  title,
  text,
  confirm,
  danger,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  confirm: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={title} onClose={onClose} testId="confirm-dialog">
      <p class="dialog__text">{text}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="dialog__actions">
        <button type="button" class="btn btn--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          class={`btn ${danger ? 'btn--danger' : 'btn--primary'}`}
          data-testid="confirm"
          disabled={busy}
          onClick={onConfirm}
        >
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}

/** A page's title row: heading, a sentence under it, actions on the right. */
export function PageHeader({ title, intro, children }: { title: string; intro?: string; children?: ComponentChildren }) {
  return (
    <div class="mc-page__header">
      <div>
        <h1 class="mc-page__title">{title}</h1>
        {intro && <p class="mc-page__intro">{intro}</p>}
      </div>
      {children && <div class="mc-page__actions">{children}</div>}
    </div>
  );
}

/** The end of a Management Center form: the server's refusal, if any, then Cancel and the submit button. */
export function FormFooter({
  serverError,
  busy,
  submitLabel,
  submitTestId,
  onCancel,
}: {
  serverError: string | null;
  busy: boolean;
  submitLabel: string;
  submitTestId: string;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {serverError && (
        <p class="form-error" role="alert" data-testid="form-error">
          {serverError}
        </p>
      )}
      <div class="dialog__actions">
        <button type="button" class="btn btn--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" class="btn btn--primary" data-testid={submitTestId} disabled={busy}>
          {busy ? t('admin.saving') : submitLabel}
        </button>
      </div>
    </>
  );
}

export const onText = (set: (value: string) => void) => (e: Event) => set((e.currentTarget as HTMLInputElement).value);
