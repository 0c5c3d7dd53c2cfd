/**
 * The browser's search box, filters and sort order. Every control is a labelled native
 * input, so all of it works by keyboard and screen reader without extra wiring; changing
 * the deck changes the route (#/deck/<id> or #/browse).
 */
import { hrefFor } from '../../components/routes.ts';
import type { DeckInfo } from '../../db/browse-reads.ts';
import type { Facet, SortDirection, SortKey } from '../../domain/search/card-filter.ts';
import type { Phase } from '../../domain/scheduling/types.ts';
import { clearFilters, setFilter, setQuery, setSort, useBrowseStore } from './browse-store.ts';
import { PHASE_LABELS } from './format.ts';

const SORTS: { value: `${SortKey}:${SortDirection}`; label: string }[] = [
  { value: 'due:asc', label: 'Due date, soonest first' },
  { value: 'due:desc', label: 'Due date, latest first' },
  { value: 'added:desc', label: 'Added, newest first' },
  { value: 'added:asc', label: 'Added, oldest first' },
  { value: 'lapses:desc', label: 'Lapses, most first' },
  { value: 'difficulty:desc', label: 'Difficulty, hardest first' },
  { value: 'difficulty:asc', label: 'Difficulty, easiest first' },
];
const PHASES = Object.keys(PHASE_LABELS) as Phase[];

function FacetSelect({ id, label, facets, value, onChange }: { id: string; label: string; facets: Facet[]; value: string | null; onChange: (value: string | null) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">Any</option>
        {facets.map((facet) => (
          <option key={facet.name} value={facet.name}>
            {facet.name} ({facet.count})
          </option>
        ))}
      </select>
    </div>
  );
}

export interface BrowseFiltersProps {
  deckId: string | null;
  decks: DeckInfo[];
  tags: Facet[];
  topics: Facet[];
}

export function BrowseFilters({ deckId, decks, tags, topics }: BrowseFiltersProps) {
  const query = useBrowseStore((state) => state.query);
  const filters = useBrowseStore((state) => state.filters);
  const sort = useBrowseStore((state) => `${state.sort}:${state.direction}`);
  const toggle = (key: 'dueToday' | 'suspended' | 'leech', label: string) => (
    <label className="check">
      <input type="checkbox" checked={filters[key]} onChange={(event) => setFilter(key, event.target.checked)} />
      {label}
    </label>
  );

  return (
    <search className="browse-filters" aria-label="Search and filter cards">
      <div className="field search-field">
        <label htmlFor="browse-search">Search cards</label>
        <input
          id="browse-search"
          type="search"
          value={query}
          placeholder="Words from a question or answer"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="browse-deck">Deck</label>
          <select
            id="browse-deck"
            value={deckId ?? ''}
            onChange={(event) => {
              window.location.hash = hrefFor({ name: 'browse', deckId: event.target.value || null });
            }}
          >
            <option value="">All decks</option>
            {decks.map((deck) => (
              <option key={deck.id} value={deck.id}>
                {deck.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="browse-state">State</label>
          <select id="browse-state" value={filters.phase ?? ''} onChange={(event) => setFilter('phase', PHASES.find((p) => p === event.target.value) ?? null)}>
            <option value="">Any</option>
            {PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {PHASE_LABELS[phase]}
              </option>
            ))}
          </select>
        </div>
        <FacetSelect id="browse-topic" label="Topic" facets={topics} value={filters.topic} onChange={(value) => setFilter('topic', value)} />
        <FacetSelect id="browse-tag" label="Tag" facets={tags} value={filters.tag} onChange={(value) => setFilter('tag', value)} />
        <div className="field">
          <label htmlFor="browse-sort">Sort by</label>
          <select
            id="browse-sort"
            value={sort}
            onChange={(event) => {
              const [key, direction] = event.target.value.split(':') as [SortKey, SortDirection];
              setSort(key, direction);
            }}
          >
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        {toggle('dueToday', 'Due today')}
        {toggle('suspended', 'Suspended')}
        {toggle('leech', 'Leeches')}
        <button type="button" className="button" onClick={clearFilters}>
          Clear search and filters
        </button>
      </div>
    </search>
  );
}
