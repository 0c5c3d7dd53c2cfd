/**
 * Custom study for one deck: pick a topic or tag (each with its card count) and how to study
 * it — today's cards, due cards only, or cram (review ahead; answers leave the schedule
 * alone) — then start. It only builds the study route (#/study/<deck>?mode=…&filter=…); the
 * study screen does the rest.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { hrefFor, studyRoute } from '../../components/routes.ts';
import { browseCards } from '../../db/browse-reads.ts';
import type { QueueMode } from '../../domain/queue/types.ts';
import { cardFacets, type Facet } from '../../domain/search/card-filter.ts';
import './custom-study.css';

const MODES: { mode: QueueMode; label: string; help: string }[] = [
  { mode: 'normal', label: 'Today’s cards', help: 'Due reviews and new cards, within the deck’s daily limits.' },
  { mode: 'due-only', label: 'Due cards only', help: 'Today’s reviews and learning cards, no new cards.' },
  { mode: 'cram', label: 'Cram', help: 'Review ahead over every card, due or not. Answers do not change your schedule.' },
];

const cardCount = (count: number) => `${count} ${count === 1 ? 'card' : 'cards'}`;

function FacetGroup({ label, facets, skip }: { label: string; facets: Facet[]; skip?: ReadonlySet<string> }) {
  const shown = facets.filter((facet) => !skip?.has(facet.name));
  if (shown.length === 0) return null;
  return (
    <optgroup label={label}>
      {shown.map((facet) => (
        <option key={facet.name} value={facet.name}>
          {facet.name} ({cardCount(facet.count)})
        </option>
      ))}
    </optgroup>
  );
}

export function CustomStudyPanel({ deckId }: { deckId: string }) {
  const id = useId();
  const cards = useLiveQuery(() => browseCards(deckId), [deckId]);
  const facets = useMemo(() => cardFacets((cards ?? []).map((item) => item.card)), [cards]);
  // A name that is both a topic and a tag is offered once: the study filter matches either.
  const topicNames = useMemo(() => new Set(facets.topics.map((facet) => facet.name)), [facets]);
  const [filter, setFilter] = useState('');
  const [mode, setMode] = useState<QueueMode>('normal');
  const href = hrefFor(studyRoute(deckId, mode, filter || null));

  return (
    <details className="custom-study">
      <summary>Custom study</summary>
      <div className="custom-study-body">
        <div className="field">
          <label htmlFor={`${id}-filter`}>Topic or tag</label>
          <select id={`${id}-filter`} value={filter} onChange={(event) => setFilter(event.target.value)} disabled={cards === undefined}>
            <option value="">Whole deck ({cardCount(cards?.length ?? 0)})</option>
            <FacetGroup label="Topics" facets={facets.topics} />
            <FacetGroup label="Tags" facets={facets.tags} skip={topicNames} />
          </select>
        </div>
        <fieldset className="modes">
          <legend>How to study</legend>
          {MODES.map((option) => (
            <div key={option.mode} className="mode">
              <input
                type="radio"
                id={`${id}-${option.mode}`}
                name={`${id}-mode`}
                value={option.mode}
                checked={mode === option.mode}
                aria-describedby={`${id}-${option.mode}-help`}
                onChange={() => setMode(option.mode)}
              />
              <label htmlFor={`${id}-${option.mode}`}>{option.label}</label>
              <p id={`${id}-${option.mode}-help`} className="muted small">
                {option.help}
              </p>
            </div>
          ))}
        </fieldset>
        <a className="button primary" href={href}>
          Start custom study
        </a>
      </div>
    </details>
  );
}
