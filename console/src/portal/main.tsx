import { sessionStorageOrNull } from '../ui/browserStorage';
import { render } from 'preact';
import { I18nProvider } from '../i18n/I18nProvider';
import { PortalPage } from './PortalPage';
import { readPortalData } from './portalData';
import '../join/join.css';
import './portal.css';

/** Entry of assets/portal.js: the server renders <div id="portal" data-…> on /portal/{slug}. */
const root = document.getElementById('portal');
if (root) {
  const data = readPortalData(root);
  if (data.color) {
    // Set through the CSSOM: the page's Content-Security-Policy allows no inline styles.
    document.documentElement.style.setProperty('--c-brand', data.color);
    document.documentElement.style.setProperty('--c-brand-strong', data.color);
  }
  const storage = sessionStorageOrNull();
  render(
    <I18nProvider storage={storage} storageKey="tandem.portal.lang" defaultLang={data.lang}>
      <PortalPage data={data} />
    </I18nProvider>,
    root,
  );
}
