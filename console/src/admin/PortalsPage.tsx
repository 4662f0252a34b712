import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { adminApi } from './adminApi';
import { Field, FormFooter, LoadState, onText, PageHeader, Toggle, useErrorText } from './parts';
import type { AdminPortal } from './types';
import { useLoad } from './useLoad';
import { PortalRepliesDialog } from '../replies/PortalRepliesDialog';
import {
  DEFAULT_BRAND_COLOR,
  emptyPortalDraft,
  hasErrors,
  portalBody,
  portalDraftOf,
  slugFrom,
  validatePortal,
  type FieldErrors,
  type PortalDraft,
  type PortalField,
} from './validation';

type Open = { kind: 'create' } | { kind: 'edit'; portal: AdminPortal } | { kind: 'replies'; portal: AdminPortal } | null;

/** Support portals: what customers are asked, whether they may ask for chat, how long codes live. */
export function PortalsPage() {
  const { t } = useI18n();
  const [portals, reload, setPortals] = useLoad(() => adminApi.portals(), 'portals');
  const [open, setOpen] = useState<Open>(null);
  const list = portals.data ?? [];

  const replace = (portal: AdminPortal) => {
    const others = list.filter((p) => p.slug !== portal.slug);
    setPortals([...others, portal].sort((a, b) => a.name.localeCompare(b.name)));
  };

  return (
    <section class="mc-page" data-testid="mc-portals">
      <PageHeader title={t('admin.portals.title')} intro={t('admin.portals.intro')}>
        <button type="button" class="btn btn--primary" data-testid="add-portal" onClick={() => setOpen({ kind: 'create' })}>
          <Icon name="plus" size={16} />
          {t('admin.portals.add')}
        </button>
      </PageHeader>

      {list.length > 0 ? (
        <ul class="mc-portals" data-testid="portal-list">
          {list.map((portal) => (
            <li key={portal.slug} class="card mc-portal" data-testid="portal-row" data-slug={portal.slug}>
              <span class="mc-portal__swatch" style={{ background: portal.brandColor || DEFAULT_BRAND_COLOR }} aria-hidden="true" />
              <div class="mc-portal__main">
                <div class="mc-portal__head">
                  <h2 class="mc-portal__name">{portal.name}</h2>
                  <span class="mc-mono mc-portal__slug">{portal.slug}</span>
                  <span class="badge badge--neutral">
                    {portal.language === 'es' ? t('lang.es') : portal.language === 'en' ? t('lang.en') : t('admin.portals.languageAuto')}
                  </span>
                </div>
                <ul class="mc-portal__facts">
                  <li>
                    {portal.askBeforeScreenSharing ? t('admin.portals.asksScreen') : t('admin.portals.noAskScreen')}
                  </li>
                  <li>
                    {portal.askBeforeDiagnostics ? t('admin.portals.asksDiagnostics') : t('admin.portals.noAskDiagnostics')}
                  </li>
                  <li>{portal.allowChatRequests ? t('admin.portals.requestsOn') : t('admin.portals.requestsOff')}</li>
                  {portal.surveyAfterSession && <li data-testid="portal-survey">{t('admin.portals.surveyOn')}</li>}
                  {portal.recordSessions && <li data-testid="portal-recorded">{t('admin.portals.recordOn')}</li>}
                  <li>{t('admin.portals.lifetimeFact', { minutes: portal.codeLifetimeMinutes })}</li>
                </ul>
              </div>
              <div class="mc-portal__actions">
                <a class="btn btn--small btn--ghost" href={adminApi.portalPageUrl(portal.slug)} target="_blank" rel="noopener" data-testid="portal-link">
                  {t('admin.portals.openPage')}
                </a>
                <button type="button" class="btn btn--small btn--ghost" data-testid="portal-replies" onClick={() => setOpen({ kind: 'replies', portal })}>
                  {t('replies.portalButton')}
                </button>
                <button type="button" class="btn btn--small btn--secondary" data-testid="edit-portal" onClick={() => setOpen({ kind: 'edit', portal })}>
                  {t('admin.edit')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <div class="card">
          <LoadState
            loading={portals.status === 'loading'}
            error={portals.status === 'error' ? portals.error : undefined}
            empty={t('admin.portals.empty')}
            onRetry={reload}
          />
        </div>
      )}

      {open && open.kind === 'replies' && (
        <PortalRepliesDialog slug={open.portal.slug} name={open.portal.name} onClose={() => setOpen(null)} />
      )}
      {open && open.kind !== 'replies' && (
        <PortalDialog portal={open.kind === 'edit' ? open.portal : undefined} onClose={() => setOpen(null)} onSaved={replace} />
      )}
    </section>
  );
}

function PortalDialog({ portal, onClose, onSaved }: { portal?: AdminPortal; onClose: () => void; onSaved: (portal: AdminPortal) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const creating = !portal;
  const [draft, setDraft] = useState<PortalDraft>(portal ? portalDraftOf(portal) : emptyPortalDraft);
  const [slugTouched, setSlugTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<PortalField>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends PortalField>(key: K) => (value: PortalDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const setName = (name: string) =>
    setDraft((d) => ({ ...d, name, slug: creating && !slugTouched ? slugFrom(name) : d.slug }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validatePortal(draft, creating);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setServerError(null);
    try {
      const body = portalBody(draft, creating);
      const saved = portal ? await adminApi.updatePortal(portal.slug, body) : await adminApi.createPortal({ ...body, slug: draft.slug.trim() });
      onSaved(saved);
      toast(t(creating ? 'admin.portals.created' : 'admin.saved', { name: saved.name }));
      onClose();
    } catch (e) {
      setServerError(errorText(e));
      setBusy(false);
    }
  };

  const welcomeLength = [...draft.welcomeText].length;

  return (
    <Dialog title={portal ? t('admin.portals.editTitle', { name: portal.name }) : t('admin.portals.add')} onClose={onClose} testId="portal-dialog">
      <form class="mc-form mc-form--wide" onSubmit={submit} noValidate>
        <div class="mc-form__grid">
          <Field label={t('admin.portals.name')} error={errors.name}>
            {(p) => <input {...p} name="name" type="text" autoComplete="off" value={draft.name} onInput={onText(setName)} />}
          </Field>
          <Field label={t('admin.portals.slug')} hint={creating ? t('admin.portals.slugHint') : t('admin.portals.slugFixed')} error={errors.slug}>
            {(p) => (
              <input
                {...p}
                name="slug"
                type="text"
                autoComplete="off"
                spellcheck={false}
                disabled={!creating}
                value={draft.slug}
                onInput={(e) => {
                  setSlugTouched(true);
                  set('slug')((e.currentTarget as HTMLInputElement).value);
                }}
              />
            )}
          </Field>
          <Field label={t('admin.portals.language')}>
            {(p) => (
              <select {...p} name="language" value={draft.language} onChange={(e) => set('language')((e.currentTarget as HTMLSelectElement).value as PortalDraft['language'])}>
                <option value="auto">{t('admin.portals.languageAuto')}</option>
                <option value="en">{t('lang.en')}</option>
                <option value="es">{t('lang.es')}</option>
              </select>
            )}
          </Field>
          <Field label={t('admin.portals.lifetime')} hint={t('admin.portals.lifetimeHint')} error={errors.codeLifetimeMinutes}>
            {(p) => <input {...p} name="codeLifetimeMinutes" type="number" min={1} max={1440} inputMode="numeric" value={draft.codeLifetimeMinutes} onInput={onText(set('codeLifetimeMinutes'))} />}
          </Field>
          <Field label={t('admin.portals.maxLiveCodes')} hint={t('admin.portals.maxLiveCodesHint')} error={errors.maxLiveCodes}>
            {(p) => <input {...p} name="maxLiveCodes" type="number" min={1} max={100} inputMode="numeric" value={draft.maxLiveCodes} onInput={onText(set('maxLiveCodes'))} />}
          </Field>
          <Field label={t('admin.portals.requestTimeout')} hint={t('admin.portals.requestTimeoutHint')} error={errors.requestTimeoutMinutes}>
            {(p) => <input {...p} name="requestTimeoutMinutes" type="number" min={1} max={240} inputMode="numeric" value={draft.requestTimeoutMinutes} onInput={onText(set('requestTimeoutMinutes'))} />}
          </Field>
        </div>

        <fieldset class="mc-fieldset">
          <legend>{t('admin.portals.consent')}</legend>
          <Toggle
            name="askBeforeScreenSharing"
            label={t('admin.portals.askScreen')}
            hint={t('admin.portals.askScreenHint')}
            checked={draft.askBeforeScreenSharing}
            onChange={set('askBeforeScreenSharing')}
          />
          <Toggle
            name="askBeforeDiagnostics"
            label={t('admin.portals.askDiagnostics')}
            hint={t('admin.portals.askDiagnosticsHint')}
            checked={draft.askBeforeDiagnostics}
            onChange={set('askBeforeDiagnostics')}
          />
          <Toggle
            name="allowChatRequests"
            label={t('admin.portals.allowRequests')}
            hint={t('admin.portals.allowRequestsHint')}
            checked={draft.allowChatRequests}
            onChange={set('allowChatRequests')}
          />
          <Toggle
            name="surveyAfterSession"
            label={t('admin.portals.survey')}
            hint={t('admin.portals.surveyHint')}
            checked={draft.surveyAfterSession}
            onChange={set('surveyAfterSession')}
          />
          <Toggle
            name="recordSessions"
            label={t('admin.portals.record')}
            hint={t('admin.portals.recordHint')}
            checked={draft.recordSessions}
            onChange={set('recordSessions')}
          />
        </fieldset>

        <fieldset class="mc-fieldset">
          <legend>{t('admin.portals.appearance')}</legend>
          <Field label={t('admin.portals.brandColor')} error={errors.brandColor}>
            {(p) => (
              <div class="mc-color">
                <input
                  type="color"
                  aria-label={t('admin.portals.brandColorPicker')}
                  value={/^#[0-9a-fA-F]{6}$/.test(draft.brandColor) ? draft.brandColor : DEFAULT_BRAND_COLOR}
                  onInput={onText(set('brandColor'))}
                />
                <input {...p} name="brandColor" type="text" spellcheck={false} value={draft.brandColor} onInput={onText(set('brandColor'))} />
              </div>
            )}
          </Field>
          <Field
            label={t('admin.portals.welcomeText')}
            hint={t('admin.portals.welcomeHint', { count: welcomeLength, max: 1000 })}
            error={errors.welcomeText}
          >
            {(p) => <textarea {...p} name="welcomeText" rows={3} value={draft.welcomeText} onInput={onText(set('welcomeText'))} />}
          </Field>
        </fieldset>

        <FormFooter serverError={serverError} busy={busy} onCancel={onClose} submitTestId="save-portal"
          submitLabel={creating ? t('admin.portals.create') : t('admin.save')} />
      </form>
    </Dialog>
  );
}
