import { localStorageOrNull } from './ui/browserStorage';
import { render } from 'preact';
import { App } from './App';
import { I18nProvider } from './i18n/I18nProvider';
import { ToastProvider } from './ui/Toast';
import './styles/console.css';

render(
  <I18nProvider storage={localStorageOrNull()} storageKey="tandem.lang">
    <ToastProvider>
      <App />
    </ToastProvider>
  </I18nProvider>,
  document.getElementById('app')!,
);
