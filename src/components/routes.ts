/**
 * Hash routes: they work on any static host without server rewrites and offline from the
 * service worker's single cached index.html.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'study'; deckId: string }
  | { name: 'browse'; deckId: string }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  const [screen, id] = parts;
  if (screen === 'study' && id) return { name: 'study', deckId: id };
  if (screen === 'deck' && id) return { name: 'browse', deckId: id };
  return { name: 'not-found', path };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'study':
      return `#/study/${encodeURIComponent(route.deckId)}`;
    case 'browse':
      return `#/deck/${encodeURIComponent(route.deckId)}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}
