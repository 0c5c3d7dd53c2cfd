import { describe, expect, it } from 'vitest';
import { buildQueue } from '../../../../src/domain/queue/build-queue.ts';
import type { BuildQueueInput } from '../../../../src/domain/queue/build-queue.ts';
import { counts, nextCard } from '../../../../src/domain/queue/next-card.ts';
import { countStudiedToday } from '../../../../src/domain/queue/studied-today.ts';
import type { QueueItem, StudyQueue } from '../../../../src/domain/queue/types.ts';
import { DEFAULT_SCHEDULING, createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import type { CardSchedule } from '../../../../src/domain/scheduling/types.ts';
import { DAY, HOUR, LIMITS, MINUTE, NONE_STUDIED, UTC, card, plus } from './fixtures.ts';

const NOW = new Date('2025-03-01T21:00:00Z');

function build(schedules: CardSchedule[], extra: Partial<BuildQueueInput> = {}): StudyQueue {
  return buildQueue({
    schedules,
    newCardOrder: schedules.filter((s) => s.phase === 'new').map((s) => s.cardId),
    studiedToday: NONE_STUDIED,
    limits: LIMITS,
    now: NOW,
    utcOffset: UTC,
    ...extra,
  });
}

/** The cards a queue would show, in order, if each were answered and left the queue. */
function order(queue: StudyQueue): QueueItem[] {
  const shown: QueueItem[] = [];
  for (const item of queue.learning) shown.push({ cardId: item.cardId, kind: 'learning' });
  for (let i = queue.cursor; i < queue.main.length; i++) if (!queue.skipped.has(i)) shown.push(queue.main[i]!);
  return shown;
}

const reviews = (n: number, due: Date, prefix = 'r') => Array.from({ length: n }, (_, i) => card(`${prefix}${i}`, 'review', plus(due, i * MINUTE)));
const news = (n: number) => Array.from({ length: n }, (_, i) => card(`n${i}`, 'new', NOW));

describe('buildQueue: what is due today (day starts 04:00)', () => {
  it('takes reviews due before the next 04:00, overdue ones included, most overdue first', () => {
    const queue = build([
      card('tomorrow', 'review', new Date('2025-03-02T04:00:00Z')),
      card('tonight', 'review', new Date('2025-03-02T03:30:00Z')),
      card('overdue', 'review', new Date('2025-02-10T12:00:00Z')),
      card('earlier', 'review', new Date('2025-03-01T08:00:00Z')),
    ]);
    expect(order(queue).map((i) => i.cardId)).toEqual(['overdue', 'earlier', 'tonight']);
    expect(counts(queue)).toEqual({ new: 0, learning: 0, review: 3 });
  });

  it('a review due at 03:30 belongs to the day that started at 04:00 the day before', () => {
    const due = new Date('2025-03-02T03:30:00Z');
    const lateEvening = build([card('r', 'review', due)], { now: new Date('2025-03-01T04:00:00Z') });
    expect(counts(lateEvening).review).toBe(1);
    const dayBefore = build([card('r', 'review', due)], { now: new Date('2025-03-01T03:59:00Z') });
    expect(counts(dayBefore).review).toBe(0);
  });

  it('takes (re)learning cards due today, overdue ones included, but not those due tomorrow', () => {
    const queue = build([
      card('later-today', 'learning', plus(NOW, 30 * MINUTE)),
      card('from-yesterday', 'relearning', plus(NOW, -DAY)),
      card('after-04', 'learning', new Date('2025-03-02T04:05:00Z')),
    ]);
    expect(queue.learning.map((i) => i.cardId)).toEqual(['from-yesterday', 'later-today']);
    expect(counts(queue)).toEqual({ new: 0, learning: 2, review: 0 });
  });

  it('uses the local day: in UTC+2, 04:00 local is 02:00 UTC', () => {
    const schedules = [card('r', 'review', new Date('2025-03-02T02:30:00Z'))];
    const input = { utcOffset: () => 120 };
    expect(counts(build(schedules, { ...input, now: new Date('2025-03-02T01:59:00Z') })).review).toBe(0);
    expect(counts(build(schedules, { ...input, now: new Date('2025-03-02T02:00:00Z') })).review).toBe(1);
  });
});

describe('buildQueue: daily limits', () => {
  it('shows at most 20 new cards and 200 reviews', () => {
    const queue = build([...reviews(250, plus(NOW, -DAY)), ...news(30)]);
    expect(counts(queue)).toEqual({ new: 20, learning: 0, review: 200 });
    expect(order(queue).filter((i) => i.kind === 'new').map((i) => i.cardId)).toEqual(news(20).map((c) => c.cardId));
  });

  it('subtracts what was already studied today, never going below zero', () => {
    const schedules = [...reviews(250, plus(NOW, -DAY)), ...news(30)];
    expect(counts(build(schedules, { studiedToday: { newCount: 15, reviewCount: 190 } }))).toEqual({ new: 5, learning: 0, review: 10 });
    expect(counts(build(schedules, { studiedToday: { newCount: 25, reviewCount: 300 } }))).toEqual({ new: 0, learning: 0, review: 0 });
  });

  it('does not limit learning cards', () => {
    const learning = Array.from({ length: 300 }, (_, i) => card(`l${i}`, 'learning', plus(NOW, -i * MINUTE)));
    expect(counts(build(learning, { studiedToday: { newCount: 20, reviewCount: 200 } })).learning).toBe(300);
  });

  it('keeps the most overdue reviews when the limit cuts', () => {
    const schedules = [...reviews(5, plus(NOW, -HOUR), 'recent'), ...reviews(5, plus(NOW, -10 * DAY), 'old')];
    const queue = build(schedules, { limits: { ...LIMITS, reviewsPerDay: 5 } });
    expect(order(queue).map((i) => i.cardId)).toEqual(['old0', 'old1', 'old2', 'old3', 'old4']);
  });

  it('resets at 04:00: yesterday-evening answers no longer count', () => {
    const scheduler = createScheduler(DEFAULT_SCHEDULING);
    const studiedAt = new Date('2025-03-01T22:00:00Z');
    const log = news(20).map((c) => scheduler.answer(c, 3, studiedAt, 1000));
    const schedules = [...news(40), ...reviews(3, new Date('2025-03-02T10:00:00Z'))];
    const order40 = schedules.filter((s) => s.phase === 'new').map((s) => s.cardId).slice(20);
    const queueAt = (now: Date) =>
      build(schedules, { now, newCardOrder: order40, studiedToday: countStudiedToday(log, now, 4, UTC) });
    expect(counts(queueAt(new Date('2025-03-02T03:59:00Z')))).toEqual({ new: 0, learning: 0, review: 0 });
    expect(counts(queueAt(new Date('2025-03-02T04:00:00Z')))).toEqual({ new: 20, learning: 0, review: 3 });
  });
});

describe('buildQueue: new cards', () => {
  it('follows newCardOrder, skipping duplicates, studied, suspended and buried cards; ids without schedules count as new', () => {
    const schedules = [
      card('a', 'new', NOW),
      card('b', 'new', NOW, { suspended: true }),
      card('c', 'learning', plus(NOW, DAY * 2)),
      card('d', 'new', NOW, { buriedUntil: plus(NOW, HOUR) }),
      card('e', 'new', NOW),
      card('unlisted', 'new', NOW),
    ];
    const queue = build(schedules, { newCardOrder: ['e', 'b', 'a', 'c', 'd', 'e', 'no-row-yet'] });
    expect(order(queue).map((i) => i.cardId)).toEqual(['e', 'a', 'no-row-yet']);
  });

  it('spreads new cards through the reviews instead of bunching them', () => {
    const queue = build([...reviews(40, plus(NOW, -DAY)), ...news(10)]);
    const kinds = order(queue).map((i) => (i.kind === 'new' ? 'n' : 'r')).join('');
    expect(kinds).not.toMatch(/nn/);
    const gaps = kinds.split('n').map((run) => run.length);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
    expect(kinds.startsWith('n')).toBe(false);
  });

  it('due-only mode has no new cards', () => {
    const queue = build([...reviews(3, NOW), ...news(5)], { mode: 'due-only' });
    expect(counts(queue)).toEqual({ new: 0, learning: 0, review: 3 });
  });
});

describe('buildQueue: suspended and buried cards never enter', () => {
  const schedules = [
    card('suspended-review', 'review', NOW, { suspended: true }),
    card('buried-review', 'review', NOW, { buriedUntil: new Date('2025-03-02T04:00:00Z') }),
    card('unburied-review', 'review', NOW, { buriedUntil: plus(NOW, -HOUR) }),
    card('suspended-learning', 'learning', NOW, { suspended: true }),
    card('buried-learning', 'relearning', NOW, { buriedUntil: plus(NOW, HOUR) }),
    card('suspended-new', 'new', NOW, { suspended: true }),
  ];

  it.each(['normal', 'due-only', 'cram'] as const)('in %s mode', (mode) => {
    const queue = build(schedules, { mode });
    expect(order(queue).map((i) => i.cardId)).toEqual(['unburied-review']);
  });
});

describe('buildQueue: cram', () => {
  const scheduler = createScheduler(DEFAULT_SCHEDULING);
  const seenAgo = (id: string, days: number, stability: number) =>
    card(id, 'review', plus(NOW, 300 * DAY), { lastReview: plus(NOW, -days * DAY), stability });

  it('takes every card, due or not, weakest memory first, new cards last, with no limits', () => {
    const schedules = [
      seenAgo('strong', 1, 100),
      seenAgo('weak', 30, 2),
      card('new-1', 'new', NOW),
      seenAgo('medium', 10, 10),
      card('learning', 'learning', plus(NOW, 2 * HOUR), { lastReview: plus(NOW, -HOUR), stability: 0.5 }),
      ...reviews(250, plus(NOW, -DAY), 'due'),
    ];
    const queue = build(schedules, {
      mode: 'cram',
      retrievability: scheduler.retrievability,
      studiedToday: { newCount: 20, reviewCount: 200 },
    });
    const ids = order(queue).map((i) => i.cardId);
    expect(ids).toHaveLength(schedules.length);
    expect(ids.indexOf('weak')).toBeLessThan(ids.indexOf('medium'));
    expect(ids.indexOf('medium')).toBeLessThan(ids.indexOf('strong'));
    expect(ids.at(-1)).toBe('new-1');
    const recall = ids.slice(0, -1).map((id) => scheduler.retrievability(schedules.find((s) => s.cardId === id)!, NOW));
    expect(recall).toEqual([...recall].sort((a, b) => a - b));
    expect(nextCard(queue, NOW)?.cardId).toBe(ids[0]);
  });
});
