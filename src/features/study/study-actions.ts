/**
 * What a person does in a study session: start, show the answer, answer, undo. Each answer
 * is committed to IndexedDB (state + log row in one transaction) before the next card is
 * shown, so an answer shown as accepted is never lost, and input is ignored while it commits
 * so a double key press never applies an answer twice.
 */
import { reopenIfFailed } from '../../db/database.ts';
import { getDeckSettings } from '../../db/deck-reads.ts';
import { describeStorageError } from '../../db/storage-errors.ts';
import { unburyExpired } from '../../db/unbury.ts';
import { loadStudyBatch } from '../../db/study-reads.ts';
import { recordAnswer, StaleCardError, undoAnswer } from '../../db/study-writes.ts';
import { applyAnswer, applyUndo, persistsAnswers, removeCard } from '../../domain/queue/apply-answer.ts';
import { buildQueue } from '../../domain/queue/build-queue.ts';
import { isQueueFinished, isQueueStale, nextCard, nextLearningDue } from '../../domain/queue/next-card.ts';
import type { QueueMode } from '../../domain/queue/types.ts';
import { leechTriggered } from '../../domain/scheduling/leech.ts';
import { createScheduler } from '../../domain/scheduling/scheduler.ts';
import type { Rating, ReviewEntry } from '../../domain/scheduling/types.ts';
import { initialStudyState, UNDO_DEPTH, useStudyStore, type Session, type StudyView } from './study-store.ts';

const { getState, setState } = useStudyStore;

/**
 * True while an answer or undo is being committed; input is ignored meanwhile, so a double key
 * press never applies an answer twice. Kept outside the store on purpose: a store update would
 * re-render the study screen in the middle of the IndexedDB transaction and delay its commit.
 */
let busy = false;

function viewFor(session: Session, now: Date): StudyView {
  const item = nextCard(session.queue, now);
  if (item) return { status: 'question', item, shownAt: performance.now(), intervals: null };
  if (isQueueFinished(session.queue)) return { status: 'done' };
  return { status: 'waiting', until: nextLearningDue(session.queue) ?? now };
}

function fail(message: string, retry: () => void): void {
  busy = false;
  setState({ error: { message, retry } });
}

/** Loads today's cards for a deck and shows the first one. */
export async function startSession(deckId: string, mode: QueueMode = 'normal', filter: string | null = null): Promise<void> {
  busy = false;
  setState({ ...initialStudyState, view: { status: 'loading' } });
  const now = new Date();
  try {
    await reopenIfFailed();
    await unburyExpired(now);
    const settings = await getDeckSettings(deckId);
    if (!settings) {
      fail(`There is no deck "${deckId}". It may have been deleted.`, () => void startSession(deckId, mode, filter));
      return;
    }
    const batch = await loadStudyBatch(deckId, settings, now, { mode, filter });
    const scheduler = createScheduler(settings);
    const schedules = [...batch.learning, ...batch.reviews, ...batch.newCards];
    const queue = buildQueue({
      schedules,
      newCardOrder: batch.newCards.map((s) => s.cardId),
      studiedToday: batch.studied,
      limits: settings,
      now,
      mode,
      retrievability: scheduler.retrievability,
    });
    const session: Session = {
      deckId,
      mode,
      filter,
      settings,
      scheduler,
      queue,
      cards: batch.cards,
      schedules: new Map(schedules.map((s) => [s.cardId, s])),
    };
    setState({ session, view: viewFor(session, now), error: null });
  } catch (error) {
    fail(`Could not load the cards. ${describeStorageError(error)}`, () => void startSession(deckId, mode, filter));
  }
}

export function reveal(): void {
  const { session, view } = getState();
  if (!session || busy || view.status !== 'question') return;
  const schedule = session.schedules.get(view.item.cardId);
  if (!schedule) return;
  const preview = session.scheduler.preview(schedule, new Date());
  const intervals = {
    1: preview[1].intervalLabel,
    2: preview[2].intervalLabel,
    3: preview[3].intervalLabel,
    4: preview[4].intervalLabel,
  };
  setState({ view: { ...view, status: 'answer', intervals } });
}

function withLeech(session: Session, entry: ReviewEntry): { entry: ReviewEntry; leech: boolean } {
  // Anki's rule: a leech at the threshold's lapse, then again every half-threshold lapses.
  if (!leechTriggered(entry, session.settings.leechThreshold) || entry.before.suspended) return { entry, leech: false };
  return { entry: { ...entry, after: { ...entry.after, suspended: true } }, leech: true };
}

/** Grades the card on screen; the next card appears once the answer is committed. */
export async function answer(rating: Rating): Promise<void> {
  const { session, view } = getState();
  if (!session || busy || view.status !== 'answer') return;
  const schedule = session.schedules.get(view.item.cardId);
  if (!schedule) return;
  const now = new Date();
  const answered = session.scheduler.answer(schedule, rating, now, performance.now() - view.shownAt);
  const { entry, leech } = persistsAnswers(session.queue) ? withLeech(session, answered) : { entry: answered, leech: false };
  await commitAnswer(session, entry, leech);
}

async function commitAnswer(session: Session, entry: ReviewEntry, leech: boolean): Promise<void> {
  busy = true;
  if (getState().error) setState({ error: null });
  let reviewId: number | null = null;
  try {
    if (persistsAnswers(session.queue)) reviewId = await recordAnswer(entry, { leech });
  } catch (error) {
    if (error instanceof StaleCardError) {
      skipStaleCard(session, entry.cardId);
      return;
    }
    fail(`Your answer was not saved. ${describeStorageError(error)}`, () => void commitAnswer(session, entry, leech));
    return;
  }
  busy = false;
  const now = new Date();
  const queue = applyAnswer(session.queue, entry);
  session.schedules.set(entry.cardId, entry.after);
  const next: Session = { ...session, queue };
  const state = getState();
  setState({
    session: next,
    view: viewFor(next, now),
    undoStack: [...state.undoStack, { reviewId, entry }].slice(-UNDO_DEPTH),
    answeredThisSession: state.answeredThisSession + 1,
    notice: leech ? 'This card is a leech: you have forgotten it many times. It was suspended and tagged "leech"; consider rewriting it.' : null,
  });
  if (isQueueStale(queue, now)) void startSession(session.deckId, session.mode, session.filter);
}

/** Another tab answered (or changed) the card first: drop it from this session and move on. */
function skipStaleCard(session: Session, cardId: string): void {
  busy = false;
  const queue = removeCard(session.queue, cardId);
  const next: Session = { ...session, queue };
  setState({
    session: next,
    view: viewFor(next, new Date()),
    notice: 'That card was already answered in another tab, so this answer was not applied again.',
  });
}

/** Takes back the newest answer: the card returns to exactly its state before it. */
export async function undo(): Promise<void> {
  const { session, undoStack } = getState();
  const step = undoStack[undoStack.length - 1];
  if (!session || busy || !step) return;
  busy = true;
  if (getState().error) setState({ error: null });
  try {
    if (step.reviewId !== null) await undoAnswer(step.reviewId, step.entry);
  } catch (error) {
    fail(`Could not undo. ${describeStorageError(error)}`, () => void undo());
    return;
  }
  busy = false;
  const queue = applyUndo(session.queue, step.entry);
  session.schedules.set(step.entry.cardId, step.entry.before);
  const next: Session = { ...session, queue };
  const state = getState();
  const item = { cardId: step.entry.cardId, kind: kindOf(step.entry) };
  setState({
    session: next,
    view: { status: 'question', item, shownAt: performance.now(), intervals: null },
    undoStack: state.undoStack.slice(0, -1),
    answeredThisSession: Math.max(0, state.answeredThisSession - 1),
    notice: null,
  });
}

function kindOf(entry: ReviewEntry): 'new' | 'learning' | 'review' {
  const phase = entry.before.phase;
  if (phase === 'new') return 'new';
  return phase === 'review' ? 'review' : 'learning';
}

/** Re-checks the queue when a waiting learning card falls due. */
export function refresh(): void {
  const { session } = getState();
  if (!session || busy) return;
  setState({ view: viewFor(session, new Date()) });
}

export function leaveSession(): void {
  busy = false;
  setState(initialStudyState);
}

export function dismissNotice(): void {
  setState({ notice: null });
}
