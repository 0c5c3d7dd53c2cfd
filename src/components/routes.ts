/**
 * Hash routes: they work on any static host without server rewrites and offline from the
 * service worker's single cached index.html.
 *
 *   #/                                  decks (home)
 *   #/study/<deckId>[?mode=cram|due-only][&filter=<topic or tag>]
 *   #/deck/<deckId>                     browse one deck      #/browse   browse all decks
 *   #/deck/<deckId>/settings            deck settings
 *   #/stats[/<deckId>]                  statistics, optimiser, exam readiness
 *   #/settings                          app settings: appearance, storage, backup
 */
import { useSyncExternalStore } from 'react';
import type { QueueMode } from '../domain/queue/types.ts';

export type Route =
  | { name: 'home' }
  | { name: 'study'; deckId: string; mode: QueueMode; filter: string | null }
  | { name: 'browse'; deckId: string | null }
  | { name: 'deck-settings'; deckId: string }
  | { name: 'stats'; deckId: string | null }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

const MODES: readonly QueueMode[] = ['normal', 'due-only', 'cram'];

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [screen, id, sub] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (screen === 'study' && id && parts.length === 2) {
    const mode = MODES.find((m) => m === params.get('mode')) ?? 'normal';
    return { name: 'study', deckId: id, mode, filter: params.get('filter') || null };
  }
  if (screen === 'deck' && id && parts.length === 2) return { name: 'browse', deckId: id };
  if (screen === 'deck' && id && sub === 'settings' && parts.length === 3) return { name: 'deck-settings', deckId: id };
  if (screen === 'browse' && parts.length === 1) return { name: 'browse', deckId: null };
  if (screen === 'stats' && parts.length <= 2) return { name: 'stats', deckId: id ?? null };
  if (screen === 'settings' && parts.length === 1) return { name: 'settings' };
  return { name: 'not-found', path: raw };
}

export function hrefFor(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case 'home':
      return '#/';
    case 'study': {
      const params = new URLSearchParams();
      if (route.mode !== 'normal') params.set('mode', route.mode);
      if (route.filter) params.set('filter', route.filter);
      const query = params.toString();
      return `#/study/${enc(route.deckId)}${query ? `?${query}` : ''}`;
    }
    case 'browse':
      return route.deckId === null ? '#/browse' : `#/deck/${enc(route.deckId)}`;
    case 'deck-settings':
      return `#/deck/${enc(route.deckId)}/settings`;
    case 'stats':
      return route.deckId === null ? '#/stats' : `#/stats/${enc(route.deckId)}`;
    case 'settings':
      return '#/settings';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** A study route with the defaults filled in. */
export const studyRoute = (deckId: string, mode: QueueMode = 'normal', filter: string | null = null): Route => ({
  name: 'study',
  deckId,
  mode,
  filter,
});

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
