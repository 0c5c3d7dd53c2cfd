/** The app frame: start-up, header, update prompt, drop zone, and one screen per route. */
import { Suspense } from 'react';
import { ErrorBanner } from '../components/error-banner.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { hrefFor, useRoute, type Route } from '../components/routes.ts';
import { useApplyTheme } from '../features/appearance/use-apply-theme.ts';
import { HomeScreen } from '../features/home/home-screen.tsx';
import { ImportButton } from '../features/import/import-button.tsx';
import { ImportDropZone } from '../features/import/import-drop-zone.tsx';
import { UpdatePrompt } from '../features/pwa/update-prompt.tsx';
import { usePersistentStorageRequest } from '../features/pwa/use-persistent-storage-request.ts';
import { browse, customStudy, deckActions, deckSettings, settings, stats, study } from './screens.ts';
import { useStartUp } from './use-start-up.ts';

const { Screen: StudyScreen } = study;
const { Screen: BrowseScreen } = browse;
const { Screen: CustomStudyPanel } = customStudy;
const { Screen: DeckActions } = deckActions;
const { Screen: DeckSettingsScreen } = deckSettings;
const { Screen: StatsScreen } = stats;
const { Screen: SettingsScreen } = settings;

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return (
        <HomeScreen
          toolbar={
            <div className="row">
              <ImportButton />
              <a className="button" href={hrefFor({ name: 'browse', deckId: null })}>
                Browse all cards
              </a>
            </div>
          }
        />
      );
    case 'study':
      return <StudyScreen deckId={route.deckId} mode={route.mode} filter={route.filter} />;
    case 'browse':
      return (
        <BrowseScreen
          deckId={route.deckId}
          extra={
            route.deckId ? (
              <>
                <CustomStudyPanel deckId={route.deckId} />
                <DeckActions deckId={route.deckId} />
              </>
            ) : undefined
          }
        />
      );
    case 'deck-settings':
      return <DeckSettingsScreen deckId={route.deckId} />;
    case 'stats':
      return <StatsScreen deckId={route.deckId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'not-found':
      return (
        <main className="screen">
          <h1>Page not found</h1>
          <p>
            There is nothing at “{route.path}”. <a href={hrefFor({ name: 'home' })}>Go to your decks</a>.
          </p>
        </main>
      );
  }
}

/** `startUp`: the first start-up attempt, begun by main.tsx before the first render. */
export function App({ startUp: firstStartUp }: { startUp: Promise<void> }) {
  const route = useRoute();
  const startUp = useStartUp(firstStartUp);
  usePersistentStorageRequest(route.name === 'study');
  useApplyTheme();
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href={hrefFor({ name: 'home' })}>
          Retain
        </a>
        <nav aria-label="Main">
          <a className="button" href={hrefFor({ name: 'home' })}>Decks</a>
          <a className="button" href={hrefFor({ name: 'browse', deckId: null })}>Browse</a>
          <a className="button" href={hrefFor({ name: 'stats', deckId: null })}>Statistics</a>
          <a className="button" href={hrefFor({ name: 'settings' })}>Settings</a>
        </nav>
      </header>
      <UpdatePrompt />
      {startUp.status === 'starting' && <p className="screen muted">Preparing your decks…</p>}
      {startUp.status === 'failed' && (
        <div className="screen">
          <ErrorBanner message={startUp.message} onRetry={startUp.retry} />
        </div>
      )}
      {startUp.status === 'ready' && (
        <ImportDropZone>
          <ErrorBoundary resetKey={hrefFor(route)}>
            <Suspense fallback={<p className="screen muted">Loading…</p>}>
              <Screen route={route} />
            </Suspense>
          </ErrorBoundary>
        </ImportDropZone>
      )}
    </div>
  );
}
