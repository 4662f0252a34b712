/** What the server puts on the portal page's root element (data-* attributes). */
export interface PortalData {
  slug: string;
  lang: string | null;
  welcome: string | null;
  color: string | null;
}

export function readPortalData(element: HTMLElement): PortalData {
  const data = element.dataset;
  const text = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
  const color = text(data.color);
  return {
    slug: data.slug ?? '',
    lang: text(data.lang),
    welcome: text(data.welcome),
    color: color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : null,
  };
}
