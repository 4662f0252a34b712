import { useI18n } from '../i18n/I18nProvider';
import { QUALITIES, isQuality, type ViewerQuality } from './quality';

/** The Viewer toolbar's quality select: auto (fit the window), sharp (full size), data saver. */
export function QualityMenu({ value, onChange }: { value: ViewerQuality; onChange: (quality: ViewerQuality) => void }) {
  const { t } = useI18n();
  return (
    <label class="viewer__quality" title={t(`viewer.quality.${value}.hint`)}>
      <span class="visually-hidden">{t('viewer.quality')}</span>
      <select
        data-testid="viewer-quality"
        value={value}
        onChange={(e) => {
          const chosen = (e.currentTarget as HTMLSelectElement).value;
          if (isQuality(chosen)) onChange(chosen);
        }}
      >
        {QUALITIES.map((quality) => (
          <option key={quality} value={quality}>
            {t(`viewer.quality.${quality}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
