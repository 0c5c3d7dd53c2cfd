/**
 * The card browser's short-lived UI state (Zustand): what is typed in the search box, the
 * filters and sort order, the page, the selected cards and the card open in detail. Cards
 * and schedules are not here: they are read live from IndexedDB (use-browse-data.ts). The
 * state survives a trip to the study screen and back, and starts afresh for another deck.
 */
import { create } from 'zustand';
import { NO_FILTERS, type CardFilters, type SortDirection, type SortKey } from '../../domain/search/card-filter.ts';

export const PAGE_SIZE = 100;

export interface BrowseError {
  message: string;
  /** Null when retrying cannot help (a refused value). */
  retry: (() => void) | null;
}

export interface BrowseState {
  /** The deck browsed (null: every deck); undefined before the browser is first opened. */
  scope: string | null | undefined;
  query: string;
  filters: CardFilters;
  sort: SortKey;
  direction: SortDirection;
  /** 0-based. */
  page: number;
  selected: ReadonlySet<string>;
  openCardId: string | null;
  /** The outcome of the last action, announced politely. */
  status: string | null;
  error: BrowseError | null;
  /** True while an action is being written. */
  busy: boolean;
}

export const initialBrowseState: BrowseState = {
  scope: undefined,
  query: '',
  filters: NO_FILTERS,
  sort: 'due',
  direction: 'asc',
  page: 0,
  selected: new Set(),
  openCardId: null,
  status: null,
  error: null,
  busy: false,
};

export const useBrowseStore = create<BrowseState>()(() => initialBrowseState);

const { getState, setState } = useBrowseStore;

/** Opens the browser on a deck (or every deck); another scope than last time starts afresh. */
export function enterScope(scope: string | null): void {
  if (getState().scope === scope) return;
  const { sort, direction } = getState();
  setState({ ...initialBrowseState, scope, sort, direction });
}

export function setQuery(query: string): void {
  setState({ query, page: 0 });
}

export function setFilter<K extends keyof CardFilters>(key: K, value: CardFilters[K]): void {
  setState((state) => ({ filters: { ...state.filters, [key]: value }, page: 0 }));
}

export function clearFilters(): void {
  setState({ filters: NO_FILTERS, query: '', page: 0 });
}

export function setSort(sort: SortKey, direction: SortDirection): void {
  setState({ sort, direction, page: 0 });
}

export function setPage(page: number): void {
  setState({ page: Math.max(0, page) });
}

export function setSelected(ids: readonly string[], selected: boolean): void {
  setState((state) => {
    const next = new Set(state.selected);
    for (const id of ids) {
      if (selected) next.add(id);
      else next.delete(id);
    }
    return { selected: next };
  });
}

export function clearSelection(): void {
  setState({ selected: new Set() });
}

export function openCard(cardId: string): void {
  setState({ openCardId: cardId });
}

export function closeCard(): void {
  setState({ openCardId: null });
}

export function reportStatus(status: string | null): void {
  setState({ status, error: null });
}

export function setBusy(busy: boolean): void {
  setState({ busy });
}

export function reportError(error: BrowseError | null): void {
  setState({ error, busy: false });
}
