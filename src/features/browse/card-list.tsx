/**
 * One page of the browser's results (at most PAGE_SIZE rows, however many cards match, so a
 * 50,000-card collection renders as fast as a small one), with a checkbox per row, "select
 * all" over every matching card, and page buttons.
 */
import { memo } from 'react';
import { isBuried, isLeechCard, type BrowseCard } from '../../domain/search/card-filter.ts';
import type { DeckInfo } from '../../db/browse-reads.ts';
import { clearSelection, openCard, PAGE_SIZE, setPage, setSelected, useBrowseStore } from './browse-store.ts';
import { dueLabel, PHASE_LABELS, plainText, plural } from './format.ts';

export interface CardListProps {
  results: BrowseCard[];
  selectedIds: readonly string[];
  now: Date;
  /** Deck titles, shown on each row when browsing every deck. */
  deckById: ReadonlyMap<string, DeckInfo> | null;
}

// Memoised: ticking one checkbox re-renders one row, not the page.
const CardRow = memo(function CardRow({ row, selected, now, deckTitle }: { row: BrowseCard; selected: boolean; now: Date; deckTitle: string | null }) {
  const { card, schedule } = row;
  const question = plainText(card.question);
  return (
    <li className="browse-row" data-card-id={card.id}>
      <input type="checkbox" className="row-check" checked={selected} aria-label={`Select: ${question}`} onChange={(event) => setSelected([card.id], event.target.checked)} />
      <div className="row-body">
        <button type="button" className="row-open" id={`open-${card.id}`} onClick={() => openCard(card.id)}>
          {question}
        </button>
        <p className="row-meta small">
          {deckTitle && <span>{deckTitle}</span>}
          <span className={`state ${schedule.phase}`}>{PHASE_LABELS[schedule.phase]}</span>
          {schedule.suspended && <span className="flag suspended">Suspended</span>}
          {isBuried(schedule, now) && <span className="flag">Buried</span>}
          {isLeechCard(card) && <span className="flag leech">Leech</span>}
          <span>{dueLabel(schedule, now)}</span>
          {schedule.lapses > 0 && <span>{plural(schedule.lapses, 'lapse')}</span>}
        </p>
        {(card.topics.length > 0 || card.tags.length > 0) && (
          <p className="chips">
            {card.topics.map((topic) => <span key={`topic-${topic}`} className="chip topic">{topic}</span>)}
            {card.tags.map((tag) => <span key={`tag-${tag}`} className="chip tag">#{tag}</span>)}
          </p>
        )}
      </div>
    </li>
  );
});

export function CardList({ results, selectedIds, now, deckById }: CardListProps) {
  const page = useBrowseStore((state) => state.page);
  const selected = useBrowseStore((state) => state.selected);
  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = results.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const allSelected = results.length > 0 && selectedIds.length === results.length;
  const first = current * PAGE_SIZE + 1;

  if (results.length === 0) return <p className="muted">No cards match. Try fewer words or clear the filters.</p>;
  return (
    <>
      <div className="row list-head">
        <label className="check">
          <input type="checkbox" checked={allSelected} onChange={(event) => setSelected(results.map((row) => row.card.id), event.target.checked)} />
          Select all {plural(results.length, 'matching card')}
        </label>
        {selectedIds.length > 0 && (
          <button type="button" className="button" onClick={clearSelection}>
            Clear selection
          </button>
        )}
      </div>
      <ul className="browse-list" aria-label={`Cards ${first} to ${first + shown.length - 1} of ${results.length}`}>
        {shown.map((row) => (
          <CardRow
            key={row.card.id}
            row={row}
            selected={selected.has(row.card.id)}
            now={now}
            deckTitle={deckById ? (deckById.get(row.deckId)?.title ?? row.deckId) : null}
          />
        ))}
      </ul>
      {pages > 1 && (
        <nav className="row pager" aria-label="Pages of cards">
          <button type="button" className="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            ← Previous
          </button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <button type="button" className="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next →
          </button>
        </nav>
      )}
    </>
  );
}
