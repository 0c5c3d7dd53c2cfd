/**
 * Reading a backup file: JSON text -> a checked, normalised BackupFile, or the reasons it is
 * not one. Nothing from a file reaches the database without passing through here (STYLE.md
 * habit 7): every field of every record is type-checked, unknown fields are dropped, and the
 * records must refer to each other consistently (a card's deck, a state's card, a review's
 * card). Never throws; a problem names the record (`cards[12].deckId`) and what was expected.
 */
import { validateDeckSettings, type DeckSettings } from '../settings/deck-settings.ts';
import type { Phase, Rating } from '../scheduling/types.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupCard,
  type BackupDeck,
  type BackupFile,
  type BackupQueue,
  type BackupReview,
  type BackupSetting,
  type BackupSnapshot,
  type BackupState,
} from './backup-types.ts';

export interface BackupReading {
  value: BackupFile | null;
  /** Sentences a person can act on; empty exactly when `value` is not null. */
  problems: string[];
}

/** More than this many problems are summarised as "…and N more". */
const MAX_LISTED = 20;
const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];
const QUEUES: readonly BackupQueue[] = ['new', 'learn', 'review', 'off'];
const RATINGS: readonly Rating[] = [1, 2, 3, 4];

type Json = Record<string, unknown>;

/** Collects problems and reads typed fields; a failed read records a problem and returns a fallback. */
class Reader {
  readonly problems: string[] = [];
  private extra = 0;

  fail(message: string): void {
    if (this.problems.length < MAX_LISTED) this.problems.push(message);
    else this.extra++;
  }

  finish(): string[] {
    return this.extra > 0 ? [...this.problems, `…and ${this.extra} more problems`] : this.problems;
  }

  object(value: unknown, path: string): Json | null {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.fail(`${path}: expected an object`);
    return null;
  }

  array(value: unknown, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.fail(`${path}: expected a list`);
    return [];
  }

  text(o: Json, key: string, path: string, nonEmpty = false): string {
    const value = o[key];
    if (typeof value === 'string' && (!nonEmpty || value !== '')) return value;
    this.fail(`${path}.${key}: expected ${nonEmpty ? 'non-empty text' : 'text'}`);
    return '';
  }

  number(o: Json, key: string, path: string, options: { integer?: boolean; min?: number } = {}): number {
    const value = o[key];
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!options.integer || Number.isInteger(value)) &&
      (options.min === undefined || value >= options.min);
    if (ok) return value;
    const kind = options.integer ? 'a whole number' : 'a number';
    this.fail(`${path}.${key}: expected ${kind}${options.min === undefined ? '' : ` of at least ${options.min}`}`);
    return 0;
  }

  time(o: Json, key: string, path: string): number {
    return this.number(o, key, path, { integer: true, min: 0 });
  }

  nullableTime(o: Json, key: string, path: string): number | null {
    return o[key] === null ? null : this.time(o, key, path);
  }

  flag(o: Json, key: string, path: string): 0 | 1 {
    const value = o[key];
    if (value === 0 || value === 1) return value;
    this.fail(`${path}.${key}: expected 0 or 1`);
    return 0;
  }

  oneOf<T>(o: Json, key: string, path: string, allowed: readonly T[]): T {
    const value = o[key];
    const found = allowed.find((option) => option === value);
    if (found !== undefined) return found;
    this.fail(`${path}.${key}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    return allowed[0] as T;
  }

  texts(o: Json, key: string, path: string): string[] {
    const value = o[key];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...(value as string[])];
    this.fail(`${path}.${key}: expected a list of texts`);
    return [];
  }
}

function readSettings(r: Reader, value: unknown, path: string): DeckSettings {
  const o = r.object(value, path) ?? {};
  const settings: DeckSettings = {
    desiredRetention: r.number(o, 'desiredRetention', path),
    learningSteps: r.texts(o, 'learningSteps', path),
    relearningSteps: r.texts(o, 'relearningSteps', path),
    maximumIntervalDays: r.number(o, 'maximumIntervalDays', path, { integer: true }),
    enableFuzz: o.enableFuzz === true,
    newPerDay: r.number(o, 'newPerDay', path, { integer: true }),
    reviewsPerDay: r.number(o, 'reviewsPerDay', path, { integer: true }),
    dayStartHour: r.number(o, 'dayStartHour', path, { integer: true }),
    leechThreshold: r.number(o, 'leechThreshold', path, { integer: true }),
    burySiblings: o.burySiblings === true,
  };
  if (typeof o.enableFuzz !== 'boolean') r.fail(`${path}.enableFuzz: expected true or false`);
  if (typeof o.burySiblings !== 'boolean') r.fail(`${path}.burySiblings: expected true or false`);
  if (o.weights !== undefined) {
    const weights = o.weights;
    if (Array.isArray(weights) && weights.every((w) => typeof w === 'number' && Number.isFinite(w))) settings.weights = [...(weights as number[])];
    else r.fail(`${path}.weights: expected a list of numbers`);
  }
  for (const problem of validateDeckSettings(settings)) r.fail(`${path}.${problem.field}: ${problem.message}`);
  return settings;
}

function readDeck(r: Reader, value: unknown, path: string): BackupDeck {
  const o = r.object(value, path) ?? {};
  return {
    id: r.text(o, 'id', path, true),
    title: r.text(o, 'title', path),
    sourceFile: r.text(o, 'sourceFile', path),
    builtIn: r.flag(o, 'builtIn', path),
    contentHash: r.text(o, 'contentHash', path),
    createdAt: r.time(o, 'createdAt', path),
    updatedAt: r.time(o, 'updatedAt', path),
    settings: readSettings(r, o.settings, `${path}.settings`),
  };
}

function readCard(r: Reader, value: unknown, path: string): BackupCard {
  const o = r.object(value, path) ?? {};
  return {
    id: r.text(o, 'id', path, true),
    deckId: r.text(o, 'deckId', path, true),
    question: r.text(o, 'question', path),
    answer: r.text(o, 'answer', path),
    tags: r.texts(o, 'tags', path),
    topics: r.texts(o, 'topics', path),
    line: r.number(o, 'line', path, { integer: true, min: 0 }),
    ord: r.number(o, 'ord', path, { integer: true, min: 0 }),
    hidden: r.flag(o, 'hidden', path),
    addedAt: r.time(o, 'addedAt', path),
  };
}

function readSnapshot(r: Reader, value: unknown, path: string): BackupSnapshot {
  const o = r.object(value, path) ?? {};
  return {
    phase: r.oneOf(o, 'phase', path, PHASES),
    due: r.time(o, 'due', path),
    stability: r.number(o, 'stability', path, { min: 0 }),
    difficulty: r.number(o, 'difficulty', path, { min: 0 }),
    elapsedDays: r.number(o, 'elapsedDays', path, { min: 0 }),
    scheduledDays: r.number(o, 'scheduledDays', path, { min: 0 }),
    learningSteps: r.number(o, 'learningSteps', path, { integer: true, min: 0 }),
    reps: r.number(o, 'reps', path, { integer: true, min: 0 }),
    lapses: r.number(o, 'lapses', path, { integer: true, min: 0 }),
    lastReview: r.nullableTime(o, 'lastReview', path),
    suspended: r.flag(o, 'suspended', path),
    buriedUntil: r.nullableTime(o, 'buriedUntil', path),
  };
}

function readState(r: Reader, value: unknown, path: string): BackupState {
  const o = r.object(value, path) ?? {};
  return {
    ...readSnapshot(r, o, path),
    cardId: r.text(o, 'cardId', path, true),
    deckId: r.text(o, 'deckId', path, true),
    queue: r.oneOf(o, 'queue', path, QUEUES),
    ord: r.number(o, 'ord', path, { integer: true, min: 0 }),
    hidden: r.flag(o, 'hidden', path),
  };
}

function readReview(r: Reader, value: unknown, path: string): BackupReview {
  const o = r.object(value, path) ?? {};
  const review: BackupReview = {
    cardId: r.text(o, 'cardId', path, true),
    deckId: r.text(o, 'deckId', path, true),
    rating: r.oneOf(o, 'rating', path, RATINGS),
    reviewedAt: r.time(o, 'reviewedAt', path),
    durationMs: r.number(o, 'durationMs', path, { min: 0 }),
    wasNew: r.flag(o, 'wasNew', path),
    before: readSnapshot(r, o.before, `${path}.before`),
    after: readSnapshot(r, o.after, `${path}.after`),
  };
  if (o.id !== undefined) review.id = r.number(o, 'id', path, { integer: true, min: 1 });
  return review;
}

function readSetting(r: Reader, value: unknown, path: string): BackupSetting {
  const o = r.object(value, path) ?? {};
  return { key: r.text(o, 'key', path, true), value: o.value ?? null };
}

/** Reports every key seen more than once, by the path of its second occurrence. */
function checkUnique<T>(r: Reader, items: readonly T[], table: string, keyOf: (item: T) => string | number | undefined, label: string): void {
  const seen = new Set<string | number>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    if (key === undefined) return;
    if (seen.has(key)) r.fail(`${table}[${i}]: ${label} ${JSON.stringify(key)} appears twice`);
    seen.add(key);
  });
}

function checkReferences(r: Reader, file: BackupFile): void {
  checkUnique(r, file.decks, 'decks', (d) => d.id, 'deck id');
  checkUnique(r, file.cards, 'cards', (c) => c.id, 'card id');
  checkUnique(r, file.states, 'states', (s) => s.cardId, 'card id');
  checkUnique(r, file.reviews, 'reviews', (v) => v.id, 'review id');
  checkUnique(r, file.settings, 'settings', (s) => s.key, 'key');
  const deckIds = new Set(file.decks.map((d) => d.id));
  const deckOfCard = new Map(file.cards.map((c) => [c.id, c.deckId]));
  file.cards.forEach((card, i) => {
    if (!deckIds.has(card.deckId)) r.fail(`cards[${i}].deckId: no deck ${JSON.stringify(card.deckId)} in the backup`);
  });
  const withState = new Set<string>();
  file.states.forEach((state, i) => {
    withState.add(state.cardId);
    const deckId = deckOfCard.get(state.cardId);
    if (deckId === undefined) r.fail(`states[${i}].cardId: no card ${JSON.stringify(state.cardId)} in the backup`);
    else if (deckId !== state.deckId) r.fail(`states[${i}].deckId: the card belongs to deck ${JSON.stringify(deckId)}`);
  });
  file.cards.forEach((card, i) => {
    if (!withState.has(card.id)) r.fail(`cards[${i}]: card ${JSON.stringify(card.id)} has no entry in states`);
  });
  file.reviews.forEach((review, i) => {
    const deckId = deckOfCard.get(review.cardId);
    if (deckId === undefined) r.fail(`reviews[${i}].cardId: no card ${JSON.stringify(review.cardId)} in the backup`);
    else if (deckId !== review.deckId) r.fail(`reviews[${i}].deckId: the card belongs to deck ${JSON.stringify(deckId)}`);
  });
}

/**
 * Checks a parsed JSON value against backup format version 1.
 *
 * @example validateBackup({ format: 'retain-backup', version: 1, exportedAt: '2026-03-02T10:00:00.000Z',
 *   decks: [], cards: [], states: [], reviews: [], settings: [] }).problems // []
 * @example validateBackup({ format: 'other' }).problems[0]
 *   // 'This is not a Retain backup: its "format" is "other" (expected "retain-backup").'
 */
export function validateBackup(json: unknown): BackupReading {
  const r = new Reader();
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { value: null, problems: ['This is not a Retain backup: the file holds no JSON object.'] };
  }
  const o = json as Json;
  if (o.format !== BACKUP_FORMAT) {
    const found = o.format === undefined ? 'missing' : JSON.stringify(o.format);
    return { value: null, problems: [`This is not a Retain backup: its "format" is ${found} (expected "${BACKUP_FORMAT}").`] };
  }
  if (typeof o.version !== 'number' || !Number.isInteger(o.version) || o.version < 1) {
    return { value: null, problems: ['The backup has no valid "version" number.'] };
  }
  if (o.version > BACKUP_VERSION) {
    return {
      value: null,
      problems: [`This backup was made by a newer version of Retain (backup version ${o.version}; this version reads version ${BACKUP_VERSION}). Update Retain, then restore it.`],
    };
  }
  const exportedAt = r.text(o, 'exportedAt', 'backup');
  if (exportedAt !== '' && Number.isNaN(Date.parse(exportedAt))) r.fail('backup.exportedAt: expected a date and time');
  const list = <T>(key: string, read: (r: Reader, value: unknown, path: string) => T): T[] =>
    r.array(o[key], key).map((item, i) => read(r, item, `${key}[${i}]`));
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    decks: list('decks', readDeck),
    cards: list('cards', readCard),
    states: list('states', readState),
    reviews: list('reviews', readReview),
    settings: list('settings', readSetting),
  };
  if (r.problems.length === 0) checkReferences(r, file);
  const problems = r.finish();
  return problems.length === 0 ? { value: file, problems } : { value: null, problems };
}

/**
 * Reads backup file text: JSON first (a leading byte-order mark is allowed), then the checks
 * of `validateBackup`.
 *
 * @example readBackupText('not json').problems[0] // starts with 'The file is not valid JSON'
 */
export function readBackupText(text: string): BackupReading {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { value: null, problems: [`The file is not valid JSON (${reason}), so it is not a Retain backup.`] };
  }
  return validateBackup(json);
}
