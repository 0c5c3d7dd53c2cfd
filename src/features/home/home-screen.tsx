/** Home: every deck with its New / Learning / Due counts for today and a Study button. */
import type { ReactNode } from 'react';
import { hrefFor, studyRoute } from '../../components/routes.ts';
import { useDeckList } from './use-deck-list.ts';
import { CountsView } from '../../components/counts-view.tsx';

export function HomeScreen({ toolbar }: { toolbar?: ReactNode }) {
  const decks = useDeckList();
  return (
    <main className="screen home" aria-labelledby="home-title">
      <div className="screen-head">
        <h1 id="home-title">Decks</h1>
        {toolbar}
      </div>
      {decks === undefined ? (
        <p className="muted">Loading your decks…</p>
      ) : decks.length === 0 ? (
        <p className="muted">No decks yet. Import a deck file to start.</p>
      ) : (
        <ul className="deck-list">
          {decks.map((deck) => {
            const total = deck.counts.new + deck.counts.learning + deck.counts.due;
            return (
              <li key={deck.id} className="deck-row">
                <div className="deck-info">
                  <h2 className="deck-title">{deck.title}</h2>
                  <p className="muted small">{deck.cardCount} cards</p>
                </div>
                <CountsView counts={deck.counts} />
                <div className="deck-actions">
                  <a className="button primary" href={hrefFor(studyRoute(deck.id))} aria-label={`Study ${deck.title}`}>
                    {total > 0 ? 'Study' : 'Done'}
                  </a>
                  <a className="button" href={hrefFor({ name: 'browse', deckId: deck.id })} aria-label={`Browse ${deck.title}`}>
                    Browse
                  </a>
                  <a className="button" href={hrefFor({ name: 'deck-settings', deckId: deck.id })} aria-label={`Settings for ${deck.title}`}>
                    Settings
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
