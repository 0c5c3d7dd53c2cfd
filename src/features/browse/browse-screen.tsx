/** Browse one deck: every card's question and rendered answer, with its tags and topics. */
import { useLiveQuery } from 'dexie-react-hooks';
import { deckCards } from '../../db/deck-reads.ts';
import { db } from '../../db/database.ts';
import { hrefFor } from '../../components/routes.ts';
import { MarkdownView } from '../../components/markdown-view.tsx';

export function BrowseScreen({ deckId }: { deckId: string }) {
  const deck = useLiveQuery(() => db.decks.get(deckId), [deckId]);
  const cards = useLiveQuery(() => deckCards(deckId), [deckId]);
  return (
    <main className="screen browse" aria-labelledby="browse-title">
      <div className="screen-head">
        <a className="button" href={hrefFor({ name: 'home' })}>
          ← Decks
        </a>
        <h1 id="browse-title">{deck?.title ?? 'Deck'}</h1>
      </div>
      {cards === undefined ? (
        <p className="muted">Loading cards…</p>
      ) : cards.length === 0 ? (
        <p className="muted">This deck has no cards.</p>
      ) : (
        <ol className="card-list">
          {cards.map((card) => (
            <li key={card.id} className="card-item">
              <MarkdownView className="question" source={card.question} />
              <MarkdownView className="answer" source={card.answer} />
              {(card.tags.length > 0 || card.topics.length > 0) && (
                <p className="chips">
                  {card.topics.map((t) => (
                    <span key={`topic-${t}`} className="chip topic">{t}</span>
                  ))}
                  {card.tags.map((t) => (
                    <span key={`tag-${t}`} className="chip tag">#{t}</span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
