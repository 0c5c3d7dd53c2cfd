/**
 * The statistics screen, for one deck (#/stats/<id>) or all decks (#/stats): today, the review
 * calendar, the due forecast, true retention, card counts, memory distributions, answer
 * buttons, retention by topic and tag, exam readiness, the review-log export and the FSRS
 * optimiser. Figures are computed in the stats worker (use-stats.ts); this screen only lays
 * them out.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { listDeckInfo } from '../../db/browse-reads.ts';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { hrefFor, parseRoute } from '../../components/routes.ts';
import { DeckPicker } from './deck-picker.tsx';
import { ExportReviewLog } from './export-review-log.tsx';
import { formatCount } from './format.ts';
import { OptimizerSlot } from './optimizer-slot.tsx';
import { ReadinessSection } from './readiness-section.tsx';
import { prefetchStats } from './stats-client.ts';
import { StatsSections } from './stats-sections.tsx';
import type { StatsState } from './use-stats.ts';
import { useExamDate } from './use-exam-date.ts';
import { useRenderedMark } from './use-rendered-mark.ts';
import { useStats } from './use-stats.ts';
import './stats.css';

// This module loads when the statistics route opens: start computing while React reveals it.
const opening = typeof window === 'undefined' ? null : parseRoute(window.location.hash);
if (opening?.name === 'stats') prefetchStats(opening.deckId);

function Status({ stats }: { stats: StatsState }) {
  const { progress, busy, snapshot } = stats;
  let text = '';
  if (progress?.table === 'reviews') {
    const of = progress.rowsExpected ? ` of about ${formatCount(progress.rowsExpected)}` : '';
    text = `Preparing statistics for the first time: read ${formatCount(progress.rowsRead)}${of} answers…`;
  } else if (progress) text = `Preparing statistics for the first time: reading your cards (${formatCount(progress.rowsRead)})…`;
  else if (busy && snapshot === null) text = 'Computing statistics…';
  return (
    <p className="stats-status muted" role="status">
      {text}
    </p>
  );
}

export function StatsScreen({ deckId }: { deckId: string | null }) {
  const decks = useLiveQuery(listDeckInfo, []);
  const exam = useExamDate();
  const stats = useStats(deckId, exam.examDate);
  const { snapshot } = stats;
  const rendered = useRenderedMark(snapshot !== null);
  const titles = useMemo(() => new Map((decks ?? []).map((d) => [d.id, d.title])), [decks]);
  const deckTitle = useCallback((id: string) => titles.get(id) ?? id, [titles]);
  const missing = deckId !== null && decks !== undefined && !titles.has(deckId);

  return (
    <main className="screen stats" aria-labelledby="stats-title" data-ready={rendered ? 'true' : 'false'}>
      <div className="screen-head">
        <a className="button" href={hrefFor({ name: 'home' })}>
          ← Decks
        </a>
        <h1 id="stats-title">Statistics</h1>
        {decks && <DeckPicker deckId={deckId} decks={decks} />}
      </div>
      <Status stats={stats} />
      {stats.error && <ErrorBanner message={stats.error} onRetry={stats.retry} />}
      {exam.error && <ErrorBanner message={exam.error} />}
      {missing ? (
        <p>
          This deck is no longer in your collection. <a href={hrefFor({ name: 'stats', deckId: null })}>See all decks</a>.
        </p>
      ) : (
        snapshot && (
          <>
            <p className="muted small">
              {snapshot.deckId === null ? 'All decks' : deckTitle(snapshot.deckId)}: {formatCount(snapshot.cardCount)} cards,{' '}
              {formatCount(snapshot.reviewCount)} answers.{snapshot.settings.mixed ? ' Your decks’ settings differ; the values most decks share are used.' : ''}
            </p>
            {snapshot.reviewCount === 0 && <p className="notice">No answers yet: study some cards and the figures below will fill in.</p>}
            <StatsSections snapshot={snapshot} />
            <ReadinessSection
              result={snapshot.readiness}
              settings={snapshot.settings}
              examDate={exam.examDate ?? null}
              onExamDate={exam.setExamDate}
              deckTitle={deckTitle}
              now={new Date(snapshot.nowMs)}
            />
            <ExportReviewLog exportCsv={stats.exportCsv} dayStartHour={snapshot.settings.dayStartHour} reviewCount={snapshot.reviewCount} />
            <OptimizerSlot deckId={deckId} />
          </>
        )
      )}
    </main>
  );
}
