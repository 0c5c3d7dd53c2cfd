/**
 * One deck of an import, before it is saved: its title (editable — the title decides the
 * deck id, so renaming can turn an update into a new deck and back), whether it updates a
 * deck already here, the card and tag counts, what saving would add, change and hide, and
 * every problem found in it.
 */
import type { DeckReport } from '../../workers/import-protocol.ts';
import { DiagnosticList } from './diagnostic-list.tsx';

const MAX_TAGS = 30;
const MAX_REMOVED = 100;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function VersionCounts({ deck }: { deck: DeckReport }) {
  const { version } = deck;
  if (!version.exists) return <p className="small">New deck: {plural(version.added, 'card')} to add.</p>;
  return (
    <>
      <dl className="import-counts" aria-label="What importing changes">
        {(['added', 'changed', 'unchanged', 'removed'] as const).map((key) => (
          <div key={key}>
            <dt>{key[0]?.toUpperCase() + key.slice(1)}</dt>
            <dd>{version[key].toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">Unchanged cards and cards with an edited answer keep their progress.</p>
      {version.removed > 0 && (
        <details className="removed-cards">
          <summary>{plural(version.removed, 'card')} no longer in the file will be hidden (their history is kept)</summary>
          <ul>
            {version.removedQuestions.slice(0, MAX_REMOVED).map((question, i) => (
              <li key={i}>{question}</li>
            ))}
          </ul>
          {version.removed > MAX_REMOVED && <p className="muted small">…and {plural(version.removed - MAX_REMOVED, 'more card')}.</p>}
        </details>
      )}
    </>
  );
}

export function DeckPreview({ deck, title, onTitle, disabled }: {
  deck: DeckReport;
  title: string;
  onTitle: (title: string) => void;
  disabled: boolean;
}) {
  const tags = deck.tags.slice(0, MAX_TAGS);
  return (
    <section className="import-deck" aria-label={`Deck ${deck.title}`}>
      <label className="import-title">
        Deck title
        <input type="text" value={title} onChange={(e) => onTitle(e.target.value)} disabled={disabled} required />
      </label>
      <p className="small">
        {deck.existingTitle === null ? (
          <strong>New deck</strong>
        ) : (
          <strong>Updates the existing deck “{deck.existingTitle}”</strong>
        )}{' '}
        <span className="muted">(id {deck.id})</span> · {plural(deck.cardCount, 'card')}
      </p>
      <VersionCounts deck={deck} />
      {tags.length > 0 && (
        <p className="chips" aria-label="Tags">
          {tags.map(([tag, count]) => (
            <span key={tag} className="chip">
              #{tag} ({count.toLocaleString('en')})
            </span>
          ))}
          {deck.tags.length > MAX_TAGS && <span className="muted small">and {plural(deck.tags.length - MAX_TAGS, 'more tag')}</span>}
        </p>
      )}
      <DiagnosticList diagnostics={deck.diagnostics} label={`Problems in ${deck.title}`} />
    </section>
  );
}
