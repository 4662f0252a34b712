import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';
import { keysText, SHORTCUT_LIST } from './shortcuts';

/** The list of keyboard shortcuts (the `?` key, or the keyboard button in the header). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const keyName = (key: string) => keysText(key, t);
  return (
    <Dialog title={t('keys.title')} onClose={onClose} testId="shortcuts">
      <p class="dialog__text">{t('keys.intro')}</p>
      <table class="shortcuts">
        <tbody>
          {SHORTCUT_LIST.map((shortcut) => (
            <tr key={shortcut.label}>
              <td class="shortcuts__keys">
                {shortcut.keys.map((key, i) => (
                  <>
                    {i > 0 && <span class="shortcuts__plus">+</span>}
                    <kbd>{keyName(key)}</kbd>
                  </>
                ))}
              </td>
              <td>{t(shortcut.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="dialog__actions">
        <button type="button" class="btn btn--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
