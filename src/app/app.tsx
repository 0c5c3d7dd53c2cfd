/** The app frame: start-up, header, and one screen per route. */
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { hrefFor, useRoute, type Route } from '../components/routes.ts';
import { BrowseScreen } from '../features/browse/browse-screen.tsx';
import { HomeScreen } from '../features/home/home-screen.tsx';
import { StudyScreen } from '../features/study/study-screen.tsx';
import { useStartUp } from './use-start-up.ts';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'study':
      return <StudyScreen deckId={route.deckId} />;
    case 'browse':
      return <BrowseScreen deckId={route.deckId} />;
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
          <Screen route={route} />
        </ErrorBoundary>
      )}
    </div>
  );
}
