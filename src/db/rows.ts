/**
 * The shapes stored in IndexedDB. Dates are epoch milliseconds (cheap to index, safe in
 * JSON backups); booleans that are indexed are 0/1 because IndexedDB cannot index booleans.
 * Rows never leave src/db: mappers.ts converts them to domain types.
 */
import type { DeckSettings } from '../domain/settings/deck-settings.ts';
import type { Phase, Rating } from '../domain/scheduling/types.ts';

export interface DeckRow {
  id: string;
  title: string;
  sourceFile: string;
  /** 1 for decks shipped with the app (reconciled at start-up), 0 for imported ones. */
  builtIn: 0 | 1;
  /** Hash of the built-in deck JSON last reconciled; '' for imported decks. */
  contentHash: string;
  createdAt: number;
  updatedAt: number;
  settings: DeckSettings;
}

export interface CardRow {
  id: string;
  deckId: string;
  question: string;
  answer: string;
  tags: string[];
  topics: string[];
  /** 1-based source line of the question. */
  line: number;
  /** Position in the deck: the order new cards are introduced in. */
  ord: number;
  /** 1 when the card is gone from its deck's source; its history is kept. */
  hidden: 0 | 1;
  addedAt: number;
}

/**
 * Which part of the study queue a card belongs to, kept on the row so that one compound
 * index (`[deckId+queue+due]`) answers "what is due today" without reading the collection.
 * 'off' covers suspended and hidden cards.
 */
export type QueueName = 'new' | 'learn' | 'review' | 'off';

export interface StateSnapshot {
  phase: Phase;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
  suspended: 0 | 1;
  buriedUntil: number | null;
}

export interface StateRow extends StateSnapshot {
  cardId: string;
  deckId: string;
  queue: QueueName;
  /** Copy of the card's `ord`, indexed with queue 'new' to introduce cards in deck order. */
  ord: number;
  hidden: 0 | 1;
}

export interface ReviewRow {
  id?: number;
  cardId: string;
  deckId: string;
  rating: Rating;
  reviewedAt: number;
  durationMs: number;
  /** 1 when the card was new before this answer: counts against the daily new limit. */
  wasNew: 0 | 1;
  before: StateSnapshot;
  after: StateSnapshot;
}

export interface SettingRow {
  key: string;
  value: unknown;
}
