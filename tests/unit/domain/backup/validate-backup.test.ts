import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBackupText, validateBackup } from '../../../../src/domain/backup/validate-backup.ts';
import type { Rating } from '../../../../src/domain/scheduling/types.ts';
import { mergeCollections } from '../../../../src/domain/backup/merge-backup.ts';
import { backupOf, card, collection, deck, EMPTY, MINUTE, T0 } from './fixtures.ts';

const valid = () =>
  backupOf({
    ...collection([deck('d')], [card('d', 'a', 0), card('d', 'b', 1)], [{ cardId: 'a', rating: 3, at: T0 }]),
    settings: [{ key: 'lastBackupAt', value: T0 }, { key: 'theme', value: { mode: 'dark' } }],
  });

/** A valid backup as parsed JSON, so tests can break it in ways the types would not allow. */
const json = () => JSON.parse(JSON.stringify(valid())) as Record<string, unknown> & { cards: Record<string, unknown>[] };

describe('validateBackup', () => {
  it('accepts a backup and returns it unchanged', () => {
    const backup = valid();
    const reading = validateBackup(JSON.parse(JSON.stringify(backup)));
    expect(reading.problems).toEqual([]);
    expect(reading.value).toEqual(backup);
  });

  it('drops fields it does not know, so they never reach the database', () => {
    const file = json();
    (file.cards[0] as Record<string, unknown>).sneaky = '<script>';
    file.extra = 1;
    const reading = validateBackup(file);
    expect(reading.value?.cards[0]).not.toHaveProperty('sneaky');
    expect(reading.value).not.toHaveProperty('extra');
  });

  it('refuses JSON that is not a Retain backup, saying so', () => {
    expect(validateBackup([]).problems).toEqual(['This is not a Retain backup: the file holds no JSON object.']);
    expect(validateBackup({ format: 'other' }).problems).toEqual([
      'This is not a Retain backup: its "format" is "other" (expected "retain-backup").',
    ]);
    expect(validateBackup({ decks: [] }).problems[0]).toContain('"format" is missing');
  });

  it('refuses a backup from a newer version and says what to do', () => {
    const problems = validateBackup({ ...json(), version: 2 }).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/newer version of Retain \(backup version 2; this version reads version 1\)\. Update Retain/);
  });

  it('names the record and field of every wrong value', () => {
    const file = json();
    file.cards[1] = { ...file.cards[1], deckId: 7, hidden: true, tags: 'x' };
    const problems = validateBackup(file).problems;
    expect(problems).toEqual([
      'cards[1].deckId: expected non-empty text',
      'cards[1].tags: expected a list of texts',
      'cards[1].hidden: expected 0 or 1',
    ]);
  });

  it('checks deck settings with the same rules as the settings screen', () => {
    const file = json();
    const decks = file.decks as { settings: Record<string, unknown> }[];
    decks[0]!.settings.desiredRetention = 1.5;
    expect(validateBackup(file).problems).toEqual(['decks[0].settings.desiredRetention: Desired retention must be between 0.70 and 0.99.']);
  });

  it('requires records to refer to each other', () => {
    const file = json();
    file.cards.push({ ...file.cards[0], id: 'orphan', deckId: 'nowhere' });
    (file.reviews as Record<string, unknown>[])[0]!.cardId = 'ghost';
    const problems = validateBackup(file).problems;
    expect(problems).toContain('cards[2].deckId: no deck "nowhere" in the backup');
    expect(problems).toContain('cards[2]: card "orphan" has no entry in states');
    expect(problems).toContain('reviews[0].cardId: no card "ghost" in the backup');
  });

  it('reports duplicate ids', () => {
    const file = json();
    file.cards.push(file.cards[0]!);
    expect(validateBackup(file).problems).toContain('cards[2]: card id "a" appears twice');
  });

  it('lists at most 20 problems and counts the rest', () => {
    const file = json();
    file.cards = Array.from({ length: 30 }, () => ({}));
    const problems = validateBackup(file).problems;
    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatch(/^…and \d+ more problems$/);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reading = validateBackup(value);
        expect(reading.value === null).toBe(reading.problems.length > 0);
      }),
    );
  });

  it('never throws when any field of a valid backup is replaced by any JSON', () => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    };
    walk(json(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, replacement) => {
        const file = json();
        let target: Record<string | number, unknown> = file;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        target[path[path.length - 1]!] = replacement;
        const reading = validateBackup(file);
        expect(reading.value === null).toBe(reading.problems.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('round trip', () => {
  it('a backup read back from its JSON text is the collection it was made from, and restores into an empty browser as it is', () => {
    const answer = fc.record({
      cardId: fc.constantFrom('a', 'b', 'c'),
      rating: fc.constantFrom<Rating>(1, 2, 3, 4),
      at: fc.integer({ min: 0, max: 10_000 }).map((n) => T0 + n * MINUTE),
    });
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    fc.assert(
      fc.property(fc.uniqueArray(answer, { selector: (a) => `${a.cardId}@${a.at}`, maxLength: 15 }), text, text, fc.array(text, { maxLength: 3 }), (answers, question, title, tags) => {
        answers.sort((x, y) => x.at - y.at);
        const cards = ['a', 'b', 'c'].map((id, i) => card('d', id, i, { question: `${question}${id}`, tags }));
        const backup = backupOf({ ...collection([deck('d', { title })], cards, answers), settings: [{ key: 'note', value: { text: title } }] });
        const reading = readBackupText(JSON.stringify(backup));
        expect(reading.value).toEqual(backup);
        const plan = mergeCollections(EMPTY, reading.value!);
        expect([plan.decks, plan.cards, plan.reviews, plan.settings]).toEqual([backup.decks, backup.cards, backup.reviews, backup.settings]);
        expect(plan.states).toEqual(backup.states.map(({ queue: _queue, ...rest }) => rest));
      }),
      { numRuns: 60 },
    );
  });
});

describe('readBackupText', () => {
  it('explains a file that is not JSON', () => {
    expect(readBackupText('{"format":').problems[0]).toMatch(/^The file is not valid JSON \(.+\), so it is not a Retain backup\.$/);
  });

  it('accepts a byte-order mark before the JSON', () => {
    expect(readBackupText(`\uFEFF${JSON.stringify(valid())}`).value).toEqual(valid());
  });
});
