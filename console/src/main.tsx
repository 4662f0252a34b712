import { render } from 'preact';
import { App } from './App';
import { I18nProvider } from './i18n/I18nProvider';
import { ToastProvider } from './ui/Toast';
import './styles/console.css';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

render(
  <I18nProvider storage={localStorageOrNull()} storageKey="tandem.lang">
    <ToastProvider>
      <App />
    </ToastProvider>
  </I18nProvider>,
  document.getElementById('app')!,
);
