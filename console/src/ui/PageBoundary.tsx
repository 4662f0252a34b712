import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Keeps a page that fails to draw from taking the console down with it (or leaving it on "Loading…"):
 * it says so and offers to try again; the rest of the console goes on.
 */
export function PageBoundary({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const [error, reset] = useErrorBoundary((e) => console.error('A page failed to draw', e));
  if (error) {
    return (
      <div class="callout callout--error page-error" role="alert" data-testid="page-error">
        <p>{t('errors.page')}</p>
        <button type="button" class="btn btn--small btn--secondary" onClick={reset}>
          {t('admin.retry')}
        </button>
      </div>
    );
  }
  return <>{children}</>;
}
