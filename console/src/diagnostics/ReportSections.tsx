import { useI18n } from '../i18n/I18nProvider';
import type { SectionView, WarningView } from './reportView';

/** The warnings first, each pointing at its section. */
export function WarningList({ warnings }: { warnings: WarningView[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) {
    return (
      <p class="diag-ok" data-testid="diagnostics-no-warnings">
        {t('diag.noWarnings')}
      </p>
    );
  }
  return (
    <section class="diag-warnings" aria-label={t('diag.warnings')}>
      <h3 class="diag-warnings__title">{t('diag.warnings')}</h3>
      <ul>
        {warnings.map((warning) => (
          <li
            key={warning.code}
            class={`diag-warning diag-warning--${warning.severity}`}
            data-testid="diagnostics-warning"
            data-code={warning.code}
            data-section={warning.section}
          >
            <a href={`#diag-${warning.section}`} onClick={(e) => scrollToSection(e, warning.section)}>
              {warning.text}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function scrollToSection(event: Event, section: string) {
  // The window scrolls on its own; a hash change would move the whole console.
  event.preventDefault();
  const target = (event.currentTarget as HTMLElement).closest('.diag')?.querySelector(`[data-section-id="${section}"]`);
  target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/** Every section as a two-column table; unavailable values greyed with the phone's reason. */
export function ReportSections({ sections }: { sections: SectionView[] }) {
  const { t } = useI18n();
  return (
    <div class="diag-sections">
      {sections.map((section) => (
        <section
          key={section.id}
          class={`diag-section${section.warnings.length > 0 ? ' diag-section--warning' : ''}`}
          data-testid="diagnostics-section"
          data-section-id={section.id}
          aria-labelledby={`diag-title-${section.id}`}
        >
          <h3 id={`diag-title-${section.id}`} class="diag-section__title">
            {section.title}
          </h3>
          {section.unavailable && (
            <p class="diag-unavailable" data-testid="diagnostics-unavailable-section">
              {t('diag.unavailableBecause', { reason: section.unavailable })}
            </p>
          )}
          {section.rows.length > 0 && (
            <table class="diag-table">
              <tbody>
                {section.rows.map((row) => (
                  <tr
                    key={row.id}
                    class={row.warnings.length > 0 ? 'diag-row diag-row--warning' : 'diag-row'}
                    data-testid="diagnostics-row"
                    data-row={row.id}
                    data-warning={row.warnings.join(' ') || undefined}
                  >
                    <th scope="row">{row.label}</th>
                    {row.value !== undefined ? (
                      <td>
                        {row.warnings.length > 0 && (
                          <span class="diag-row__mark" aria-label={t('diag.warnings')}>
                            ⚠{' '}
                          </span>
                        )}
                        {row.value}
                      </td>
                    ) : (
                      <td class="diag-unavailable" data-unavailable="true" title={row.unavailable}>
                        {t('diag.unavailableBecause', { reason: row.unavailable ?? '' })}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
