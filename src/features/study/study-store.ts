/**
 * The study session's short-lived state (Zustand): the queue, the card on screen, whether
 * its answer is shown, and the undo stack. Persisted data lives in IndexedDB; this store
 * only holds what one session needs, including a cache of its cards' content and current
 * schedules so the next card paints without waiting for a database read.
 */
import { create } from 'zustand';
import type { DeckCard } from '../../domain/deck/types.ts';
import type { QueueItem, QueueMode, StudyQueue } from '../../domain/queue/types.ts';
import type { Scheduler } from '../../domain/scheduling/scheduler.ts';
import type { CardSchedule, Rating, ReviewEntry } from '../../domain/scheduling/types.ts';
import type { DeckSettings } from '../../domain/settings/deck-settings.ts';

export interface UndoStep {
  /** Review-log row id; null for cram answers, which are never stored. */
  reviewId: number | null;
  entry: ReviewEntry;
}

export interface Session {
  deckId: string;
  mode: QueueMode;
  /** Only cards with these topics or tags, when set (custom study). */
  filter: string | null;
  settings: DeckSettings;
  scheduler: Scheduler;
  queue: StudyQueue;
  cards: ReadonlyMap<string, DeckCard>;
  /**
   * Each card's current schedule, updated in place once an answer or undo is committed: a
   * session can hold thousands of cards, and copying them all on every answer would take
   * milliseconds between the key press and the next card.
   */
  schedules: Map<string, CardSchedule>;
}

export type StudyView =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'question' | 'answer'; item: QueueItem; shownAt: number; intervals: Record<Rating, string> | null }
  | { status: 'waiting'; until: Date }
  | { status: 'done' };

export interface StudyError {
  message: string;
  retry: () => void;
}

export interface StudyState {
  session: Session | null;
  view: StudyView;
  undoStack: UndoStep[];
  answeredThisSession: number;
  notice: string | null;
  error: StudyError | null;
}

export const initialStudyState: StudyState = {
  session: null,
  view: { status: 'idle' },
  undoStack: [],
  answeredThisSession: 0,
  notice: null,
  error: null,
};

export const useStudyStore = create<StudyState>(() => initialStudyState);

/** How many answers undo can take back. */
export const UNDO_DEPTH = 20;
