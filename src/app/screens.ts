/**
 * The screens other than home, each loaded on first use (lazy-screen.tsx), and which of them
 * a route needs, so that start-up can load the first screen's code while the database gets ready.
 */
import type { Route } from '../components/routes.ts';
import { lazyScreen } from './lazy-screen.tsx';

export const study = lazyScreen(() => import('../features/study/study-screen.tsx').then((m) => m.StudyScreen));
export const browse = lazyScreen(() => import('../features/browse/browse-screen.tsx').then((m) => m.BrowseScreen));
export const customStudy = lazyScreen(() => import('../features/custom-study/custom-study-panel.tsx').then((m) => m.CustomStudyPanel));
export const deckActions = lazyScreen(() => import('../features/deck-actions/deck-actions.tsx').then((m) => m.DeckActions));
export const deckSettings = lazyScreen(() => import('../features/deck-settings/deck-settings-screen.tsx').then((m) => m.DeckSettingsScreen));
export const stats = lazyScreen(() => import('../features/stats/stats-screen.tsx').then((m) => m.StatsScreen));
export const settings = lazyScreen(() => import('./settings-screen.tsx').then((m) => m.SettingsScreen));

/** Loads the code `route` renders; home and "not found" are in the first bundle already. */
export function preloadScreen(route: Route): Promise<unknown> {
  switch (route.name) {
    case 'study':
      return study.preload();
    case 'browse':
      return Promise.all(route.deckId === null ? [browse.preload()] : [browse.preload(), customStudy.preload(), deckActions.preload()]);
    case 'deck-settings':
      return deckSettings.preload();
    case 'stats':
      return stats.preload();
    case 'settings':
      return settings.preload();
    case 'home':
    case 'not-found':
      return Promise.resolve();
  }
}
