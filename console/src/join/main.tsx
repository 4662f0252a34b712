import { sessionStorageOrNull } from '../ui/browserStorage';
import { render } from 'preact';
import { I18nProvider } from '../i18n/I18nProvider';
import { JoinPage } from './JoinPage';
import { readJoinData } from './joinData';
import './join.css';

/** Entry of assets/join.js: the server renders <div id="join" data-…> and loads this script. */
const root = document.getElementById('join');
if (root) {
  const data = readJoinData(root);
  const storage = sessionStorageOrNull();
  render(
    <I18nProvider storage={storage} storageKey="tandem.join.lang" defaultLang={data.lang}>
      <JoinPage data={data} />
    </I18nProvider>,
    root,
  );
}
