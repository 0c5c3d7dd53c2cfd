/**
 * Exam readiness: the person sets an exam date (saved in settings); the screen predicts the
 * share of cards recalled on that day, per deck and per topic, suggests reviews per day to
 * reach the desired retention, and lists plainly what the prediction assumes.
 */
import { useId } from 'react';
import { READINESS_ASSUMPTIONS } from '../../domain/stats/readiness.ts';
import type { ReadinessResult, ScopeSettings } from '../../workers/stats-snapshot.ts';
import { formatCount, formatRate, isoDay, longDay, plural } from './format.ts';
import { ReadinessTable } from './readiness-table.tsx';

export interface ReadinessSectionProps {
  result: ReadinessResult;
  settings: ScopeSettings;
  examDate: string | null;
  onExamDate: (date: string | null) => void;
  deckTitle: (deckId: string) => string;
  now: Date;
}

function Outlook({ result, settings, deckTitle }: Pick<ReadinessSectionProps, 'settings' | 'deckTitle'> & { result: Extract<ReadinessResult, { status: 'ready' }> }) {
  const { readiness, examDate } = result;
  const { overall } = readiness;
  return (
    <>
      <p className="readiness-summary" aria-live="polite">
        If you stop reviewing now, you can expect to recall <strong>{formatRate(overall.predictedRecall)}</strong> of your{' '}
        {plural(overall.cards, 'card')} on {longDay(examDate)}, in {plural(readiness.daysLeft, 'day')}. Your desired retention is{' '}
        {formatRate(settings.desiredRetention)}: about <strong>{formatCount(overall.reviewsPerDay)} reviews a day</strong> (
        {formatCount(overall.reviewsNeeded)} in all) would bring the expected recall to {formatRate(overall.predictedRecallWithPlan)}.
      </p>
      <ReadinessTable caption="By deck" groupHeader="Deck" rows={readiness.byDeck} nameOf={deckTitle} />
      {readiness.byGroup.length > 0 ? (
        <ReadinessTable caption="By topic" groupHeader="Topic" rows={readiness.byGroup} />
      ) : (
        <p className="muted small">These cards have no topics, so there is no breakdown by topic.</p>
      )}
    </>
  );
}

export function ReadinessSection({ result, settings, examDate, onExamDate, deckTitle, now }: ReadinessSectionProps) {
  const inputId = useId();
  const tomorrow = isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1));
  return (
    <section className="stats-section" aria-labelledby="stats-readiness">
      <h2 id="stats-readiness">Exam readiness</h2>
      <div className="row exam-date">
        <label htmlFor={inputId}>Exam date</label>
        <input id={inputId} type="date" min={tomorrow} value={examDate ?? ''} onChange={(e) => onExamDate(e.target.value || null)} />
        {examDate !== null && (
          <button type="button" className="button" onClick={() => onExamDate(null)}>
            Clear
          </button>
        )}
      </div>
      {result.status === 'no-date' && <p className="muted">Set the date of your exam to see how much you can expect to recall on the day.</p>}
      {result.status === 'past' && <p className="notice">The exam date {longDay(result.examDate)} has passed. Choose a later date.</p>}
      {result.status === 'ready' && <Outlook result={result} settings={settings} deckTitle={deckTitle} />}
      <details className="assumptions" open={result.status === 'ready'}>
        <summary>What the prediction assumes</summary>
        <ul>
          {READINESS_ASSUMPTIONS.map((text) => (
            <li key={text}>{text}</li>
          ))}
          <li>
            Recall is predicted for {settings.dayStartHour}:00 on the exam date, when that study day begins, with the desired retention and FSRS
            parameters of {settings.mixed ? 'most of your decks (your decks differ)' : 'these cards’ deck settings'}.
          </li>
        </ul>
      </details>
    </section>
  );
}
