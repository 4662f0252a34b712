/** What the server puts on the join page's root element (data-* attributes). */
export interface JoinData {
  code: string;
  lang: string | null;
  appLink: string | null;
  storeLink: string | null;
  technician: string | null;
}

export function readJoinData(element: HTMLElement): JoinData {
  const data = element.dataset;
  const text = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
  return {
    code: (data.code ?? '').replace(/\s+/g, ''),
    lang: text(data.lang),
    appLink: text(data.appLink),
    storeLink: text(data.storeLink),
    technician: text(data.technician),
  };
}
