import { createContext, useContext } from 'react';
import { APP_PAGES, type AppPage } from '../../shared/deep-link/deep-link.ts';

/** The window's pages: the same list deep links and toast routes are checked against. */
export type PageKey = AppPage;
export const pageKeys: readonly PageKey[] = APP_PAGES;

/** Where the window is: a page and, for some pages, the item open in it (`approvals/r_123`). */
export interface Route {
  page: PageKey;
  itemId: string | null;
  /** `approvals/new?template=leave` carries the template to start with. */
  template: string | null;
}

/** Parses an app route as toasts, the tray and deep links give it; anything unknown goes home. */
export function parseRoute(path: string): Route {
  const [location = '', query = ''] = path.replace(/^\/+/, '').split('?');
  const [page, itemId] = location.split('/');
  const known = pageKeys.find((key) => key === page);
  if (!known) return { page: 'home', itemId: null, template: null };
  const template = new URLSearchParams(query).get('template');
  return {
    page: known,
    itemId: itemId && /^[A-Za-z0-9_.:-]{1,64}$/.test(itemId) ? itemId : null,
    template: template && /^[a-z][a-z0-9_]{0,31}$/.test(template) ? template : null,
  };
}

export const NavigationContext = createContext<{ route: Route; navigate: (path: string) => void }>({
  route: { page: 'home', itemId: null, template: null },
  navigate: () => undefined,
});

export const useNavigation = () => useContext(NavigationContext);
