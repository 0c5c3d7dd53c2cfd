/**
 * One card in full: question and answer, where it comes from (file and line), its FSRS
 * memory state (stability, difficulty, probability of recall now), when it is due, the
 * actions that apply to it, and its review history. Focus moves to the heading on opening
 * and back to the card's row on closing, so keyboard users keep their place.
 */
import { useEffect, useMemo, useRef } from 'react';
import { MarkdownView } from '../../components/markdown-view.tsx';
import type { DeckInfo } from '../../db/browse-reads.ts';
import { isBuried, isLeechCard, type BrowseCard } from '../../domain/search/card-filter.ts';
import { createScheduler } from '../../domain/scheduling/scheduler.ts';
import type { CardSchedule } from '../../domain/scheduling/types.ts';
import { DEFAULT_DECK_SETTINGS } from '../../domain/settings/deck-settings.ts';
import { closeCard } from './browse-store.ts';
import { CardActionsBar } from './card-actions-bar.tsx';
import { dueLabel, formatDate, formatDateTime, PHASE_LABELS } from './format.ts';
import { ReviewHistory } from './review-history.tsx';

export interface CardDetailProps {
  row: BrowseCard | undefined;
  deck: DeckInfo | undefined;
  schedules: ReadonlyMap<string, CardSchedule>;
  now: Date;
  busy: boolean;
}

function close(cardId: string | undefined): void {
  closeCard();
  // After the list is back on screen: return focus to the card's row.
  if (cardId) window.setTimeout(() => document.getElementById(`open-${cardId}`)?.focus(), 0);
}

function MemoryState({ schedule, deck, now }: { schedule: CardSchedule; deck: DeckInfo | undefined; now: Date }) {
  const scheduler = useMemo(() => createScheduler(deck?.settings ?? DEFAULT_DECK_SETTINGS), [deck]);
  const flags = [schedule.suspended && 'suspended', isBuried(schedule, now) && 'buried until the next study day'].filter(Boolean);
  const studied = schedule.phase !== 'new';
  return (
    <dl className="facts">
      <dt>State</dt>
      <dd>{PHASE_LABELS[schedule.phase]}{flags.length > 0 ? `, ${flags.join(', ')}` : ''}</dd>
      <dt>Next due</dt>
      <dd>{studied ? formatDateTime(schedule.due) : dueLabel(schedule, now)}</dd>
      <dt>Stability</dt>
      <dd>{studied ? `${schedule.stability.toFixed(1)} days` : '—'}</dd>
      <dt>Difficulty</dt>
      <dd>{studied ? `${schedule.difficulty.toFixed(1)} of 10` : '—'}</dd>
      <dt>Retrievability now</dt>
      <dd>{studied ? `${Math.round(scheduler.retrievability(schedule, now) * 100)}%` : '—'}</dd>
      <dt>Reviews</dt>
      <dd>{schedule.reps}</dd>
      <dt>Lapses</dt>
      <dd>{schedule.lapses}</dd>
      <dt>Last review</dt>
      <dd>{schedule.lastReview ? formatDateTime(schedule.lastReview) : 'Never'}</dd>
    </dl>
  );
}

export function CardDetail({ row, deck, schedules, now, busy }: CardDetailProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const cardId = row?.card.id;
  useEffect(() => heading.current?.focus(), [cardId]);

  return (
    <section className="card-detail" aria-labelledby="card-detail-title">
      <div className="row">
        <button type="button" className="button" onClick={() => close(cardId)}>
          ← Back to the list
        </button>
      </div>
      <h2 id="card-detail-title" ref={heading} tabIndex={-1}>
        Card details
      </h2>
      {!row ? (
        <p className="muted">This card is no longer in the collection.</p>
      ) : (
        <>
          <div className="detail-card">
            <h3 className="label">Question</h3>
            <MarkdownView className="question" source={row.card.question} />
            <h3 className="label">Answer</h3>
            <MarkdownView className="answer" source={row.card.answer} />
            {(row.card.topics.length > 0 || row.card.tags.length > 0) && (
              <p className="chips">
                {row.card.topics.map((topic) => <span key={`topic-${topic}`} className="chip topic">{topic}</span>)}
                {row.card.tags.map((tag) => <span key={`tag-${tag}`} className="chip tag">#{tag}</span>)}
              </p>
            )}
          </div>
          <p className="muted small">
            {deck?.title ?? row.deckId} · {deck?.sourceFile ?? 'unknown file'}, line {row.card.line} · added {formatDate(row.addedAt)}
            {isLeechCard(row.card) ? ' · leech' : ''}
          </p>
          <CardActionsBar ids={[row.card.id]} schedules={schedules} now={now} busy={busy} subject="this card" />
          <h3>Memory state</h3>
          <MemoryState schedule={row.schedule} deck={deck} now={now} />
          <h3>Review history</h3>
          <ReviewHistory cardId={row.card.id} />
        </>
      )}
    </section>
  );
}
