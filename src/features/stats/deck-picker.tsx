/** Which deck the statistics cover: all decks or one; choosing navigates to its route. */
import { useId } from 'react';
import type { DeckInfo } from '../../db/browse-reads.ts';
import { navigate } from '../../components/routes.ts';

export function DeckPicker({ deckId, decks }: { deckId: string | null; decks: readonly DeckInfo[] }) {
  const id = useId();
  return (
    <div className="deck-picker">
      <label htmlFor={id}>Deck</label>
      <select id={id} value={deckId ?? ''} onChange={(e) => navigate({ name: 'stats', deckId: e.target.value || null })}>
        <option value="">All decks</option>
        {decks.map((deck) => (
          <option key={deck.id} value={deck.id}>
            {deck.title}
          </option>
        ))}
      </select>
    </div>
  );
}
