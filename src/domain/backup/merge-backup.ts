/**
 * Merging a backup into the collection a browser already holds. Pure: it takes both
 * collections and returns the rows to write and a summary for the preview; src/db/backup.ts
 * reads and writes them in one transaction. Nothing is ever deleted.
 *
 * Rules:
 * - Decks by id. A deck's content (title, source, cards) is a version: the newer version wins
 *   (larger `updatedAt`); the backup's wins a tie, and always when both sides hold the same
 *   built-in content (equal, non-empty content hash). The deck's study settings come from
 *   the backup whenever it has the deck — restoring is how a person brings settings back.
 *   `createdAt` is the earlier of the two.
 * - Cards by id, from the side whose deck version won; `addedAt` is the earlier. A card only
 *   the losing version has is kept (with its history) but hidden, because the winning
 *   version of its deck no longer shows it.
 * - Review logs: the union; a review present on both sides (same card, time and rating) is
 *   kept once. Incoming log rows keep their id unless this browser already uses it.
 * - Card states: when the merged log of a card is the log one side already had, that side's
 *   state is kept as it is (so a restore into an empty browser is exact, and suspension or
 *   manual changes survive); when both sides contributed answers, the state is recomputed by
 *   replaying the merged log through the deck's scheduler. A card with no answers at all
 *   keeps the state of the side its content came from.
 * - App settings by key: the backup's value wins, except the time of the last backup, which
 *   is the later of the two.
 */
import { createScheduler, type Scheduler } from '../scheduling/scheduler.ts';
import {
  LAST_BACKUP_KEY,
  type BackupCard,
  type BackupCollection,
  type BackupDeck,
  type BackupReview,
  type BackupSetting,
  type BackupSnapshot,
  type BackupState,
} from './backup-types.ts';
import { replayReviews } from './replay-reviews.ts';

/** A state row without its queue name: that is an index detail the database layer derives. */
export type MergedState = Omit<BackupState, 'queue'>;

export interface MergeSummary {
  /** True when this browser held nothing: the restore reproduces the backup exactly. */
  intoEmpty: boolean;
  decksAdded: number;
  decksUpdated: number;
  cardsAdded: number;
  cardsUpdated: number;
  reviewsAdded: number;
  /** Reviews in the backup this browser already has. */
  reviewsAlreadyPresent: number;
  /** Cards whose state was recomputed from a log both sides contributed to. */
  statesRecomputed: number;
  settingsChanged: number;
}

/** Rows to write: new or changed decks, cards, states and settings; log rows to add. */
export interface MergePlan {
  decks: BackupDeck[];
  cards: BackupCard[];
  states: MergedState[];
  reviews: BackupReview[];
  settings: BackupSetting[];
  summary: MergeSummary;
}

/** Structural equality of JSON-like values, ignoring key order. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const reviewKey = (r: Pick<BackupReview, 'cardId' | 'reviewedAt' | 'rating'>) => `${r.cardId}\u0000${r.reviewedAt}\u0000${r.rating}`;

function byKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [keyOf(item), item]));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Whether the backup's version of a deck's content wins over this browser's. */
function incomingVersionWins(local: BackupDeck | undefined, incoming: BackupDeck | undefined): boolean {
  if (incoming === undefined) return false;
  if (local === undefined) return true;
  if (local.contentHash !== '' && local.contentHash === incoming.contentHash) return true;
  return incoming.updatedAt >= local.updatedAt;
}

function mergeDeck(local: BackupDeck | undefined, incoming: BackupDeck | undefined): BackupDeck | undefined {
  if (local === undefined || incoming === undefined) return incoming ?? local;
  const winner = incomingVersionWins(local, incoming) ? incoming : local;
  return { ...winner, settings: incoming.settings, createdAt: Math.min(local.createdAt, incoming.createdAt) };
}

/** Only the schedule fields of a state or snapshot. */
function snapshotOf(s: BackupSnapshot): BackupSnapshot {
  return {
    phase: s.phase,
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: s.lastReview,
    suspended: s.suspended,
    buriedUntil: s.buriedUntil,
  };
}

function withoutQueue(state: BackupState): MergedState {
  const { queue: _queue, ...rest } = state;
  return rest;
}

function isSubset(small: ReadonlySet<string>, big: ReadonlySet<string>): boolean {
  for (const key of small) if (!big.has(key)) return false;
  return true;
}

interface CardSide {
  card: BackupCard | undefined;
  state: BackupState | undefined;
  reviewKeys: Set<string>;
}

/**
 * The merge plan for restoring `incoming` into `local` (see the rules above).
 *
 * @example
 * mergeCollections(emptyCollection, backup).summary.intoEmpty // true
 */
export function mergeCollections(local: BackupCollection, incoming: BackupCollection): MergePlan {
  const localDecks = byKey(local.decks, (d) => d.id);
  const incomingDecks = byKey(incoming.decks, (d) => d.id);
  const localCards = byKey(local.cards, (c) => c.id);
  const incomingCards = byKey(incoming.cards, (c) => c.id);
  const localStates = byKey(local.states, (s) => s.cardId);
  const incomingStates = byKey(incoming.states, (s) => s.cardId);
  const summary: MergeSummary = {
    intoEmpty: local.decks.length === 0 && local.cards.length === 0 && local.reviews.length === 0 && local.settings.length === 0,
    decksAdded: 0,
    decksUpdated: 0,
    cardsAdded: 0,
    cardsUpdated: 0,
    reviewsAdded: 0,
    reviewsAlreadyPresent: 0,
    statesRecomputed: 0,
    settingsChanged: 0,
  };

  // Decks.
  const mergedDecks = new Map<string, BackupDeck>();
  const decks: BackupDeck[] = [];
  for (const id of new Set([...localDecks.keys(), ...incomingDecks.keys()])) {
    const before = localDecks.get(id);
    const merged = mergeDeck(before, incomingDecks.get(id));
    if (merged === undefined) continue;
    mergedDecks.set(id, merged);
    if (before === undefined) summary.decksAdded++;
    else if (!sameValue(before, merged)) summary.decksUpdated++;
    if (before === undefined || !sameValue(before, merged)) decks.push(merged);
  }

  // Review log: union, deduplicated; incoming rows keep their id when it is free.
  const localKeys = new Set(local.reviews.map(reviewKey));
  const usedIds = new Set(local.reviews.flatMap((r) => (r.id === undefined ? [] : [r.id])));
  const reviews: BackupReview[] = [];
  const addedKeys = new Set<string>();
  for (const review of incoming.reviews) {
    const key = reviewKey(review);
    if (localKeys.has(key) || addedKeys.has(key)) {
      summary.reviewsAlreadyPresent++;
      continue;
    }
    addedKeys.add(key);
    const { id, ...rest } = review;
    if (id !== undefined && !usedIds.has(id)) {
      usedIds.add(id);
      reviews.push({ id, ...rest });
    } else {
      reviews.push(rest);
    }
  }
  summary.reviewsAdded = reviews.length;
  const localReviewsByCard = groupBy(local.reviews, (r) => r.cardId);
  const incomingReviewsByCard = groupBy(incoming.reviews, (r) => r.cardId);

  // Cards and their states.
  const schedulers = new Map<string, Scheduler>();
  const schedulerFor = (deck: BackupDeck): Scheduler => {
    let scheduler = schedulers.get(deck.id);
    if (scheduler === undefined) {
      try {
        scheduler = createScheduler(deck.settings);
      } catch {
        // Settings this version cannot use (validated files never get here): default options.
        scheduler = createScheduler();
      }
      schedulers.set(deck.id, scheduler);
    }
    return scheduler;
  };
  const cards: BackupCard[] = [];
  const states: MergedState[] = [];
  for (const id of new Set([...localCards.keys(), ...incomingCards.keys()])) {
    const mine: CardSide = {
      card: localCards.get(id),
      state: localStates.get(id),
      reviewKeys: new Set((localReviewsByCard.get(id) ?? []).map(reviewKey)),
    };
    const theirs: CardSide = {
      card: incomingCards.get(id),
      state: incomingStates.get(id),
      reviewKeys: new Set((incomingReviewsByCard.get(id) ?? []).map(reviewKey)),
    };
    const deckId = (theirs.card ?? mine.card)?.deckId ?? '';
    const deck = mergedDecks.get(deckId);
    if (deck === undefined) continue;
    const incomingWins = incomingVersionWins(localDecks.get(deckId), incomingDecks.get(deckId));
    const [winner, loser] = incomingWins ? [theirs, mine] : [mine, theirs];
    const source = winner.card !== undefined ? winner : loser;
    const base = source.card;
    if (base === undefined) continue;
    const onlyInLosingVersion = winner.card === undefined && localDecks.has(deckId) && incomingDecks.has(deckId);
    const card: BackupCard = {
      ...base,
      addedAt: Math.min(mine.card?.addedAt ?? Infinity, theirs.card?.addedAt ?? Infinity),
      hidden: onlyInLosingVersion ? 1 : base.hidden,
    };
    if (mine.card === undefined) summary.cardsAdded++;
    else if (!sameValue(mine.card, card)) summary.cardsUpdated++;
    if (mine.card === undefined || !sameValue(mine.card, card)) cards.push(card);

    const allKeys = new Set([...mine.reviewKeys, ...theirs.reviewKeys]);
    let snapshot: BackupSnapshot | undefined;
    if (allKeys.size === 0) snapshot = source.state ?? (source === winner ? loser : winner).state;
    else if (mine.state !== undefined && isSubset(theirs.reviewKeys, mine.reviewKeys)) snapshot = mine.state;
    else if (theirs.state !== undefined && isSubset(mine.reviewKeys, theirs.reviewKeys)) snapshot = theirs.state;
    if (snapshot === undefined) {
      const answers = [...(localReviewsByCard.get(id) ?? []), ...(incomingReviewsByCard.get(id) ?? [])];
      const unique = [...byKey(answers, reviewKey).values()];
      const flagsFrom = [mine.state, theirs.state]
        .filter((s): s is BackupState => s !== undefined)
        .sort((a, b) => (b.lastReview ?? 0) - (a.lastReview ?? 0))[0];
      snapshot = replayReviews(schedulerFor(deck), id, deckId, unique, {
        suspended: flagsFrom?.suspended ?? 0,
        buriedUntil: flagsFrom?.buriedUntil ?? null,
      });
      summary.statesRecomputed++;
    }
    const state: MergedState = { ...snapshotOf(snapshot), cardId: id, deckId, ord: card.ord, hidden: card.hidden };
    if (mine.state === undefined || !sameValue(withoutQueue(mine.state), state)) states.push(state);
  }

  // App settings.
  const localSettings = byKey(local.settings, (s) => s.key);
  const settings: BackupSetting[] = [];
  for (const setting of incoming.settings) {
    const before = localSettings.get(setting.key);
    let value = setting.value;
    if (setting.key === LAST_BACKUP_KEY && typeof before?.value === 'number' && typeof value === 'number') {
      value = Math.max(before.value, value);
    }
    if (before === undefined || !sameValue(before.value, value)) settings.push({ key: setting.key, value });
  }
  summary.settingsChanged = settings.length;

  return { decks, cards, states, reviews, settings, summary };
}
