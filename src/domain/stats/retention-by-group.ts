/**
 * Retention per topic and per tag: for each group, the share of its review-phase answers
 * that passed (anything but Again) and the mean retrievability of its cards now.
 *
 * A card can belong to several groups and then counts in each. Groups come from a map the
 * caller builds from the deck (topics or tags); cards missing from it belong to no group.
 * New cards count as members but not in the mean retrievability, which FSRS cannot give
 * for a card it has no memory state for.
 */
import type { CardSchedule } from '../scheduling/types.ts';
import { decayOf, retrievabilityAt } from './retrievability.ts';
import { isPass, type StatReview } from './stat-review.ts';

export interface GroupRetention {
  group: string;
  /** Review-phase answers to the group's cards. */
  answers: number;
  passed: number;
  /** passed / answers, 0–1; null without answers. */
  retention: number | null;
  /** Cards in the group (from the schedules given). */
  cards: number;
  /** Of those, cards studied at least once. */
  studiedCards: number;
  /** Mean probability of recall now over the studied cards; null when none. */
  meanRetrievability: number | null;
}

export interface RetentionByGroupInput {
  reviews: readonly StatReview[];
  schedules: readonly CardSchedule[];
  /** cardId → the groups (topics or tags) the card belongs to. */
  groupsByCard: ReadonlyMap<string, readonly string[]>;
  now: Date;
  /** Count only answers from this moment on; omit for all time. */
  since?: Date;
  /** FSRS weights in use; omit for the FSRS-6 defaults. */
  weights?: readonly number[];
}

interface Tally {
  answers: number;
  passed: number;
  cards: number;
  studied: number;
  retrievabilitySum: number;
}

/**
 * One pass over the answers and one over the cards; groups sorted by name.
 *
 * @example
 * retentionByGroup({ reviews, schedules, groupsByCard: topicsOf, now })
 * // → [{ group: 'iam', answers: 6, passed: 3, retention: 0.5, cards: 2, studiedCards: 2, meanRetrievability: 0.873 }, …]
 */
export function retentionByGroup(input: RetentionByGroupInput): GroupRetention[] {
  const { groupsByCard } = input;
  const since = input.since?.getTime() ?? -Infinity;
  const nowMs = input.now.getTime();
  const decay = decayOf(input.weights);
  const tallies = new Map<string, Tally>();
  const tally = (group: string): Tally => {
    let t = tallies.get(group);
    if (t === undefined) {
      t = { answers: 0, passed: 0, cards: 0, studied: 0, retrievabilitySum: 0 };
      tallies.set(group, t);
    }
    return t;
  };

  // Resolve each card's group tallies once, so the answer loop does one map lookup per row
  // (a million rows × several groups would otherwise mean millions of lookups by name).
  const noGroups: Tally[] = [];
  const talliesByCard = new Map<string, Tally[]>();
  for (const r of input.reviews) {
    if (r.phaseBefore !== 'review' || r.reviewedAt < since) continue;
    let cardTallies = talliesByCard.get(r.cardId);
    if (cardTallies === undefined) {
      const groups = groupsByCard.get(r.cardId);
      cardTallies = groups === undefined ? noGroups : groups.map(tally);
      talliesByCard.set(r.cardId, cardTallies);
    }
    const passed = isPass(r.rating);
    for (const t of cardTallies) {
      t.answers++;
      if (passed) t.passed++;
    }
  }

  for (const s of input.schedules) {
    const groups = groupsByCard.get(s.cardId);
    if (groups === undefined || groups.length === 0) continue;
    const r = retrievabilityAt(s, nowMs, decay);
    for (const g of groups) {
      const t = tally(g);
      t.cards++;
      if (r !== null) {
        t.studied++;
        t.retrievabilitySum += r;
      }
    }
  }

  // Default sort is code-unit order: the same on every machine, unlike localeCompare.
  return [...tallies.keys()].sort().map((group) => {
    const t = tally(group);
    return {
      group,
      answers: t.answers,
      passed: t.passed,
      retention: t.answers === 0 ? null : t.passed / t.answers,
      cards: t.cards,
      studiedCards: t.studied,
      meanRetrievability: t.studied === 0 ? null : t.retrievabilitySum / t.studied,
    };
  });
}
