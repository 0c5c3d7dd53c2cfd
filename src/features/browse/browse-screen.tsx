/**
 * The card browser, for one deck (#/deck/<id>) or every deck (#/browse): search as you type,
 * filters, sort, one page of results with selection and bulk actions, and a card's detail
 * in place of the list. `extra` is shown under the heading (the app puts custom study there).
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { hrefFor } from '../../components/routes.ts';
import { useNow } from '../../components/use-now.ts';
import { cardFacets } from '../../domain/search/card-filter.ts';
import { BrowseFilters } from './browse-filters.tsx';
import { enterScope, reportError, useBrowseStore } from './browse-store.ts';
import { buryToggle, runCardAction, suspendToggle } from './card-action-runner.ts';
import { CardActionsBar } from './card-actions-bar.tsx';
import { CardDetail } from './card-detail.tsx';
import { CardList } from './card-list.tsx';
import { plural } from './format.ts';
import { useBrowseData } from './use-browse-data.ts';
import { useBrowseKeys } from './use-browse-keys.ts';
import { useBrowseResults } from './use-browse-results.ts';
import './browse.css';

export function BrowseScreen({ deckId, extra }: { deckId: string | null; extra?: ReactNode }) {
  useEffect(() => enterScope(deckId), [deckId]);
  const ready = useBrowseStore((state) => state.scope === deckId);
  const openCardId = useBrowseStore((state) => state.openCardId);
  const status = useBrowseStore((state) => state.status);
  const error = useBrowseStore((state) => state.error);
  const busy = useBrowseStore((state) => state.busy);
  const now = useNow(60_000);
  const data = useBrowseData(deckId);
  const { results, selectedIds, stale } = useBrowseResults(data, now);
  const facets = useMemo(() => cardFacets(data.cards ?? []), [data.cards]);
  const schedules = data.schedules ?? new Map();
  const deck = deckId === null ? undefined : data.deckById.get(deckId);

  useBrowseKeys({
    enabled: ready && results !== undefined,
    targets: (focused) => (openCardId ? [openCardId] : selectedIds.length > 0 ? selectedIds : focused ? [focused] : []),
    suspend: (ids) => void runCardAction(suspendToggle(ids, schedules), ids),
    bury: (ids) => void runCardAction(buryToggle(ids, schedules, now), ids),
  });

  const title = deckId === null ? 'All cards' : (deck?.title ?? 'Deck');
  const openRow = openCardId ? data.rows?.find((row) => row.card.id === openCardId) : undefined;

  return (
    <main className="screen browse" aria-labelledby="browse-title">
      <div className="screen-head">
        <a className="button" href={hrefFor({ name: 'home' })}>
          ← Decks
        </a>
        <h1 id="browse-title">{title}</h1>
        {deckId !== null && (
          <a className="button" href={hrefFor({ name: 'deck-settings', deckId })}>
            Deck settings
          </a>
        )}
      </div>
      <p className="browse-status" role="status">
        {status}
      </p>
      {error && <ErrorBanner message={error.message} onDismiss={() => reportError(null)} {...(error.retry ? { onRetry: error.retry } : {})} />}
      {!ready || results === undefined || data.decks === undefined ? (
        <p className="muted">Loading cards…</p>
      ) : openCardId ? (
        <CardDetail row={openRow} deck={openRow ? data.deckById.get(openRow.deckId) : undefined} schedules={schedules} now={now} busy={busy} />
      ) : (
        <>
          {extra}
          <BrowseFilters deckId={deckId} decks={data.decks} tags={facets.tags} topics={facets.topics} />
          <p className={stale ? 'result-count muted small stale' : 'result-count muted small'} aria-live="polite">
            {results.length === data.rows?.length ? plural(results.length, 'card') : `${plural(results.length, 'card')} of ${data.rows?.length.toLocaleString()} match`}
          </p>
          {selectedIds.length > 0 && (
            <CardActionsBar ids={selectedIds} schedules={schedules} now={now} busy={busy} subject={plural(selectedIds.length, 'selected card')} />
          )}
          <CardList results={results} selectedIds={selectedIds} now={now} deckById={deckId === null ? data.deckById : null} />
        </>
      )}
    </main>
  );
}
