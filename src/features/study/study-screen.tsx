/**
 * The study screen: question, "Show answer", the answer and four grade buttons with their
 * intervals; counts, undo and the end-of-session summary. Works by keyboard alone
 * (Space/Enter, 1–4, U or Ctrl+Z) and by touch (large buttons pinned to the bottom).
 */
import { useEffect } from 'react';
import { CountsView } from '../../components/counts-view.tsx';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { MarkdownView } from '../../components/markdown-view.tsx';
import { hrefFor } from '../../components/routes.ts';
import { counts } from '../../domain/queue/next-card.ts';
import type { QueueMode } from '../../domain/queue/types.ts';
import { RatingButtons } from './rating-buttons.tsx';
import { RevealButton } from './reveal-button.tsx';
import { answer, dismissNotice, leaveSession, refresh, reveal, startSession, undo } from './study-actions.ts';
import { useStudyStore } from './study-store.ts';
import { usePrepareUpcoming } from './use-prepare-upcoming.ts';
import { useStudyKeys } from './use-study-keys.ts';
import { SessionEnd } from './session-end.tsx';
import { WaitingForCard } from './waiting-for-card.tsx';

export function StudyScreen({ deckId, mode = 'normal', filter = null }: { deckId: string; mode?: QueueMode; filter?: string | null }) {
  const { session, view, undoStack, notice, error } = useStudyStore();

  useEffect(() => {
    void startSession(deckId, mode, filter);
    return leaveSession;
  }, [deckId, mode, filter]);

  const revealed = view.status === 'answer';
  useStudyKeys({ reveal, answer: (r) => void answer(r), undo: () => void undo(), revealed, enabled: session !== null });
  usePrepareUpcoming(session);

  const queueCounts = session ? counts(session.queue) : null;
  const card = (view.status === 'question' || view.status === 'answer') && session ? session.cards.get(view.item.cardId) : undefined;

  return (
    <main className="screen study" aria-labelledby="study-title">
      <div className="study-top">
        <a className="button" href={hrefFor({ name: 'home' })}>
          ← Decks
        </a>
        <h1 id="study-title" className="visually-hidden">
          Study
        </h1>
        {queueCounts && <CountsView counts={{ new: queueCounts.new, learning: queueCounts.learning, due: queueCounts.review }} label="Cards left in this session" />}
        <button type="button" className="button" onClick={() => void undo()} disabled={undoStack.length === 0} aria-keyshortcuts="U Control+Z">
          Undo <kbd>U</kbd>
        </button>
      </div>
      {mode === 'cram' && <p className="mode-banner">Cram: reviewing ahead. Answers here do not change your schedule.</p>}
      {filter && <p className="muted small">Only cards about “{filter}”.</p>}
      {notice && (
        <p className="notice" role="status">
          {notice}{' '}
          <button type="button" className="button" onClick={dismissNotice}>
            OK
          </button>
        </p>
      )}
      {error && <ErrorBanner message={error.message} onRetry={error.retry} />}
      {view.status === 'loading' && <p className="muted">Loading today’s cards…</p>}
      {view.status === 'waiting' && <WaitingForCard until={view.until} onDue={refresh} />}
      {view.status === 'done' && session && <SessionEnd deckId={session.deckId} settings={session.settings} />}
      {card && (
        <>
          <article className="study-card" aria-label="Card">
            <MarkdownView className="question" source={card.question} />
            <div aria-live="polite">
              {revealed && (
                <>
                  <hr />
                  <h2 className="visually-hidden">Answer</h2>
                  <MarkdownView className="answer" source={card.answer} />
                </>
              )}
            </div>
            {(card.topics.length > 0 || card.tags.length > 0) && (
              <p className="chips">
                {card.topics.map((t) => <span key={`topic-${t}`} className="chip topic">{t}</span>)}
                {card.tags.map((t) => <span key={`tag-${t}`} className="chip tag">#{t}</span>)}
              </p>
            )}
          </article>
          <div className="study-bottom">
            {view.status === 'answer' && view.intervals ? (
              <RatingButtons intervals={view.intervals} onAnswer={(r) => void answer(r)} />
            ) : (
              <RevealButton onReveal={reveal} />
            )}
          </div>
        </>
      )}
    </main>
  );
}
