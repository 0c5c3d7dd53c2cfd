/**
 * The study queue's data: what a session has left to show today and in what order.
 * A queue is immutable; every operation returns a new one that shares the large,
 * never-changing parts (the main sequence and its index) with the old, so the study
 * screen can keep old versions cheaply and answer in O(1)-ish time on 50,000-card decks.
 * It is in-memory session state (it holds a Map and a Set), not something to persist.
 */

/** normal: learning + due reviews + new cards; due-only: no new cards; cram: every card, schedule untouched. */
export type QueueMode = 'normal' | 'due-only' | 'cram';

/** Which of the study screen's three counts a card belongs to (relearning counts as learning). */
export type QueueKind = 'new' | 'learning' | 'review';

export interface QueueItem {
  readonly cardId: string;
  readonly kind: QueueKind;
}

/** What today's log already holds for this deck; both reduce what the limits still allow. */
export interface StudiedToday {
  /** Answers given to cards that were new. */
  newCount: number;
  /** Answers given to cards in review (not learning or relearning). */
  reviewCount: number;
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

/** A card waiting in (re)learning, shown once it falls due. */
export interface LearningItem {
  readonly cardId: string;
  /** Epoch ms. */
  readonly due: number;
}

/** Where an answered card was taken from, so undo can put it back exactly there. */
export type QueueOrigin =
  | { readonly from: 'main'; readonly index: number }
  | { readonly from: 'learning'; readonly item: LearningItem };

export interface AnswerRecord {
  readonly cardId: string;
  /** null when the card was not in the queue when it was answered. */
  readonly origin: QueueOrigin | null;
  /** The learning item the answer added (the card comes back later today), if any. */
  readonly requeued: LearningItem | null;
}

/** A persistent stack (newest on top): pushing and popping never copy it. */
export type AnswerHistory = { readonly top: AnswerRecord; readonly rest: AnswerHistory } | null;

export interface StudyQueue {
  readonly mode: QueueMode;
  /** The study day this queue belongs to; rebuild it once `now` reaches `dayEnd`. */
  readonly dayStart: Date;
  readonly dayEnd: Date;
  /** How early a learning card may be shown when nothing else is left. */
  readonly learnAheadMs: number;
  /** Reviews and new cards, interleaved, fixed when the queue is built. */
  readonly main: readonly QueueItem[];
  /** Card id -> its index in `main`; shared by every version of the queue. */
  readonly mainIndex: ReadonlyMap<string, number>;
  /** Every main item before this index has been answered or removed. */
  readonly cursor: number;
  /** Main indices at or after `cursor` already answered or removed (answered out of order). */
  readonly skipped: ReadonlySet<number>;
  /** (Re)learning cards due today, earliest first; at most one item per card. */
  readonly learning: readonly LearningItem[];
  /** Main items not yet answered, by kind. */
  readonly mainLeft: Readonly<QueueCounts>;
  readonly history: AnswerHistory;
}
