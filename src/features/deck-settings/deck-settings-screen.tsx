/** Deck settings (#/deck/<id>/settings): the deck's study options, validated, with help. */
import { useLiveQuery } from 'dexie-react-hooks';
import { hrefFor } from '../../components/routes.ts';
import { getDeckInfo } from '../../db/browse-reads.ts';
import { DeckSettingsForm } from './deck-settings-form.tsx';
import './deck-settings.css';

export function DeckSettingsScreen({ deckId }: { deckId: string }) {
  // null: no such deck; undefined: still loading.
  const deck = useLiveQuery(() => getDeckInfo(deckId), [deckId]);
  return (
    <main className="screen deck-settings" aria-labelledby="deck-settings-title">
      <div className="screen-head">
        <a className="button" href={hrefFor({ name: 'browse', deckId })}>
          ← Deck
        </a>
        <h1 id="deck-settings-title">{deck ? `Settings: ${deck.title}` : 'Deck settings'}</h1>
      </div>
      {deck === undefined && <p className="muted">Loading the settings…</p>}
      {deck === null && (
        <p>
          There is no deck “{deckId}”. It may have been deleted. <a href={hrefFor({ name: 'home' })}>Go to your decks</a>.
        </p>
      )}
      {/* Keyed by deck: the form's draft starts from the saved settings of this deck. */}
      {deck && <DeckSettingsForm key={deck.id} deck={deck} />}
    </main>
  );
}
