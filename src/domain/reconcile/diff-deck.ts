/**
 * Reconciling a new version of a deck with what the collection already holds.
 *
 * Cards match by id first (the id is a hash of the normalised question, so answer edits and
 * whitespace never break the match). The cards left over on both sides are then paired by
 * similarity, so that a reworded question or a typo fix keeps its card — and with it the
 * card's memory state and history — instead of becoming a "new" card. Whatever stays
 * unmatched is added or removed. Removing only hides: history is never deleted.
 */
import type { DeckCard } from '../deck/types.ts';
import { textSimilarity } from './similarity.ts';

export interface StoredCard {
  id: string;
  question: string;
  answer: string;
  tags: string[];
  topics: string[];
  line: number;
  hidden: boolean;
}

export interface CardChange {
  /** The incoming card, carrying the id the collection already knows it by. */
  card: DeckCard;
  previous: StoredCard;
  /** The id the incoming card was parsed with (differs from `card.id` when reworded). */
  incomingId: string;
  /** 'question' when matched by similarity (the question was reworded). */
  kind: 'answer' | 'question' | 'metadata';
}

export interface DeckDiff {
  added: DeckCard[];
  unchanged: DeckCard[];
  changed: CardChange[];
  /** Stored, visible cards the new version no longer has: they get hidden. */
  removed: StoredCard[];
}

/** Below these a pair is not the same card. */
const MIN_QUESTION_SIMILARITY = 0.6;
const MIN_COMBINED_SIMILARITY = 0.7;
/** Similarity pairing is quadratic; past this many candidate pairs it is skipped. */
const MAX_FUZZY_PAIRS = 4_000_000;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function classify(card: DeckCard, previous: StoredCard): CardChange['kind'] | 'unchanged' {
  if (card.question !== previous.question) return 'question';
  if (card.answer !== previous.answer) return 'answer';
  const metadataSame =
    sameList(card.tags, previous.tags) && sameList(card.topics, previous.topics) && card.line === previous.line;
  return metadataSame && !previous.hidden ? 'unchanged' : 'metadata';
}

interface Candidate {
  incoming: number;
  stored: number;
  score: number;
}

function similarPairs(incoming: DeckCard[], stored: StoredCard[]): Candidate[] {
  if (incoming.length * stored.length > MAX_FUZZY_PAIRS) return [];
  const candidates: Candidate[] = [];
  incoming.forEach((card, i) => {
    stored.forEach((old, j) => {
      const q = textSimilarity(card.question, old.question);
      if (q < MIN_QUESTION_SIMILARITY) return;
      const score = 0.7 * q + 0.3 * textSimilarity(card.answer, old.answer);
      if (score >= MIN_COMBINED_SIMILARITY) candidates.push({ incoming: i, stored: j, score });
    });
  });
  // Greedy by score: the best pairs claim their cards first, each card at most once.
  return candidates.sort((a, b) => b.score - a.score);
}

/**
 * Compares the stored cards of a deck with an incoming version of it.
 * @example
 *   diffDeck([{ id: 'a', question: 'Q?', answer: '- x', tags: [], topics: [], line: 2, hidden: false }],
 *            [{ id: 'a', question: 'Q?', answer: '- y', tags: [], topics: [], line: 2 }])
 *   // changed: [{ kind: 'answer', ... }], added: [], removed: [], unchanged: []
 */
export function diffDeck(stored: readonly StoredCard[], incoming: readonly DeckCard[]): DeckDiff {
  const byId = new Map(stored.map((card) => [card.id, card]));
  const diff: DeckDiff = { added: [], unchanged: [], changed: [], removed: [] };
  const matchedStored = new Set<string>();
  const unmatchedIncoming: DeckCard[] = [];

  for (const card of incoming) {
    const previous = byId.get(card.id);
    if (!previous) {
      unmatchedIncoming.push(card);
      continue;
    }
    matchedStored.add(previous.id);
    const kind = classify(card, previous);
    if (kind === 'unchanged') diff.unchanged.push(card);
    else diff.changed.push({ card, previous, kind, incomingId: card.id });
  }

  const unmatchedStored = stored.filter((card) => !matchedStored.has(card.id));
  const takenIncoming = new Set<number>();
  const takenStored = new Set<number>();
  for (const pair of similarPairs(unmatchedIncoming, unmatchedStored)) {
    if (takenIncoming.has(pair.incoming) || takenStored.has(pair.stored)) continue;
    takenIncoming.add(pair.incoming);
    takenStored.add(pair.stored);
    const previous = unmatchedStored[pair.stored];
    const card = unmatchedIncoming[pair.incoming];
    if (previous && card) diff.changed.push({ card: { ...card, id: previous.id }, previous, kind: 'question', incomingId: card.id });
  }

  unmatchedIncoming.forEach((card, i) => {
    if (!takenIncoming.has(i)) diff.added.push(card);
  });
  unmatchedStored.forEach((card, j) => {
    if (!takenStored.has(j) && !card.hidden) diff.removed.push(card);
  });
  return diff;
}
