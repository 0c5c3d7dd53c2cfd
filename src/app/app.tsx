/** The app frame: start-up, header, and one screen per route. */
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { hrefFor, useRoute, type Route } from '../components/routes.ts';
import { lazy, Suspense } from 'react';
import { HomeScreen } from '../features/home/home-screen.tsx';
import { useStartUp } from './use-start-up.ts';

// Screens other than home load on first use, so the first paint carries only what home needs.
const StudyScreen = lazy(() => import('../features/study/study-screen.tsx').then((m) => ({ default: m.StudyScreen })));
const BrowseScreen = lazy(() => import('../features/browse/browse-screen.tsx').then((m) => ({ default: m.BrowseScreen })));

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'study':
      return <StudyScreen deckId={route.deckId} mode={route.mode} filter={route.filter} />;
    case 'browse':
      return route.deckId ? <BrowseScreen deckId={route.deckId} /> : <HomeScreen />;
    case 'deck-settings':
    case 'stats':
    case 'settings':
      return <HomeScreen />;
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

export function App() {
  const route = useRoute();
  const startUp = useStartUp();
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href={hrefFor({ name: 'home' })}>
          Retain
        </a>
      </header>
      {startUp.status === 'starting' && <p className="screen muted">Preparing your decks…</p>}
      {startUp.status === 'failed' && (
        <div className="screen">
          <ErrorBanner message={startUp.message} onRetry={startUp.retry} />
        </div>
      )}
      {startUp.status === 'ready' && (
        <ErrorBoundary resetKey={hrefFor(route)}>
          <Suspense fallback={<p className="screen muted">Loading…</p>}>
            <Screen route={route} />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
