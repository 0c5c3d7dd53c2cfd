/**
 * The change log: which rows of the review log, the card states and the cards changed, written
 * in the same transaction as each change. Derived data (the statistics cache, stats-cache.ts)
 * uses it to catch up by reading only those rows. It exists because IndexedDB reads cost tens
 * of microseconds per review row: re-reading a million-answer log on every visit to the
 * statistics screen would take half a minute, and even counting the rows takes seconds.
 *
 * It is a Dexie middleware, installed on the database before it opens, so no writer (present
 * or future, in any tab or worker) can forget it. Every read-write transaction that touches a
 * tracked table is widened to include `settings`, where the log is one row (CHANGE_LOG_KEY).
 *
 * Kept small on purpose: answers append review rows with keys from the key generator, which are
 * always above every key the table has held, so a reader finds them by reading above the highest
 * id it knows and they are not listed. Other changes list their primary keys, at most
 * MAX_LISTED per table; older entries are dropped and a reader that far behind reads that table
 * again in full. The row describes this browser's database, not the collection: backups should
 * leave it out, and any other write of it (an old copy restored) is replaced by a fresh log.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Dexie, Middleware } from 'dexie';

export const CHANGE_LOG_KEY = 'changeLog';
export const TRACKED_TABLES = ['reviews', 'states', 'cards'] as const;
export type TrackedTable = (typeof TRACKED_TABLES)[number];
export type RowKey = string | number;

/** Per table, how many changed keys are kept before the oldest are dropped. */
export const MAX_LISTED = 2000;

export interface TableLog {
  /** Changes at or before this position are not listed: a reader behind it reads the table in full. */
  since: number;
  /** [position, primary key] of each changed row after `since`, oldest first, each key once. */
  changed: Array<[number, RowKey]>;
}

export interface ChangeLog {
  /** Identifies this log: positions from another epoch mean nothing here. */
  epoch: string;
  /** Position of the latest change. */
  seq: number;
  tables: Record<TrackedTable, TableLog>;
}

export type Change = { kind: 'append' } | { kind: 'rows'; keys: readonly RowKey[] } | { kind: 'all' };

const SETTINGS = 'settings';
const isTracked = (name: string): name is TrackedTable => (TRACKED_TABLES as readonly string[]).includes(name);

function newEpoch(): string {
  // getRandomValues, not randomUUID: the latter is missing outside secure contexts.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function emptyChangeLog(): ChangeLog {
  const table = (): TableLog => ({ since: 0, changed: [] });
  return { epoch: newEpoch(), seq: 0, tables: { reviews: table(), states: table(), cards: table() } };
}

/** Records one change at the next position (mutates `log`). */
export function recordChange(log: ChangeLog, table: TrackedTable, change: Change): void {
  log.seq += 1;
  const t = log.tables[table];
  if (change.kind === 'all') {
    t.since = log.seq;
    t.changed = [];
  } else if (change.kind === 'rows') {
    const fresh = new Set(change.keys);
    const kept = t.changed.filter(([, key]) => !fresh.has(key));
    for (const key of fresh) kept.push([log.seq, key]);
    const excess = kept.length - MAX_LISTED;
    if (excess > 0) {
      t.since = Math.max(t.since, kept[excess - 1]?.[0] ?? t.since);
      kept.splice(0, excess);
    }
    t.changed = kept;
  }
}

/**
 * Keys of `table` changed after position `seen`, or null when the log no longer lists them all
 * (the reader must read the table in full).
 *
 * @example
 * changedAfter(log, 'states', cache.seq) // → Set { 'card-a', 'card-b' }
 */
export function changedAfter(log: ChangeLog, table: TrackedTable, seen: number): Set<RowKey> | null {
  const t = log.tables[table];
  if (seen < t.since) return null;
  const keys = new Set<RowKey>();
  for (const [at, key] of t.changed) if (at > seen) keys.add(key);
  return keys;
}

/** Reads a stored value as a change log, or null when it is not one. */
export function asChangeLog(value: unknown): ChangeLog | null {
  if (typeof value !== 'object' || value === null) return null;
  const log = value as Partial<ChangeLog>;
  const tablesOk = log.tables !== undefined && TRACKED_TABLES.every((name) => Array.isArray(log.tables?.[name]?.changed));
  return typeof log.epoch === 'string' && typeof log.seq === 'number' && tablesOk ? (log as ChangeLog) : null;
}

function describe(req: DBCoreMutateRequest, res: DBCoreMutateResponse, table: DBCoreTable): Change {
  if (req.type === 'deleteRange') return { kind: 'all' };
  if (req.type === 'delete') return { kind: 'rows', keys: req.keys };
  const primaryKey = table.schema.primaryKey;
  const generated =
    req.type === 'add' &&
    primaryKey.autoIncrement === true &&
    (req.keys ?? []).every((key) => key == null) &&
    req.values.every((value) => primaryKey.extractKey?.(value) == null);
  if (generated) return { kind: 'append' };
  const keys: unknown[] | undefined = res.results ?? req.keys ?? (req.type === 'put' ? req.updates?.keys : undefined);
  // Keys that cannot be told: say the whole table changed rather than miss a row.
  if (keys === undefined) return { kind: 'all' };
  return { kind: 'rows', keys: keys.filter((key): key is RowKey => typeof key === 'string' || typeof key === 'number') };
}

/** A value for `settings`, with the change-log row replaced by a fresh log. */
function freshIfLog(value: unknown): unknown {
  const row = value as { key?: unknown } | null;
  return row?.key === CHANGE_LOG_KEY ? { key: CHANGE_LOG_KEY, value: emptyChangeLog() } : value;
}

const installed = new WeakSet<Dexie>();

export const changeLogMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ChangeLog',
  create(down) {
    const settings = () => down.table(SETTINGS);
    // One log update at a time per transaction: two parallel writes must not both read the old row.
    const lastUpdate = new WeakMap<DBCoreTransaction, Promise<unknown>>();
    const update = (trans: DBCoreTransaction, table: TrackedTable, change: Change): Promise<unknown> => {
      const write = () =>
        settings()
          .get({ trans, key: CHANGE_LOG_KEY })
          .then((row: { value?: unknown } | undefined) => {
            const log = asChangeLog(row?.value) ?? emptyChangeLog();
            recordChange(log, table, change);
            return settings().mutate({ type: 'put', trans, values: [{ key: CHANGE_LOG_KEY, value: log }] });
          });
      const previous = lastUpdate.get(trans);
      const next = previous === undefined ? write() : previous.then(write);
      lastUpdate.set(trans, next);
      return next;
    };

    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some(isTracked) && !stores.includes(SETTINGS);
        return down.transaction(widen ? [...stores, SETTINGS] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === SETTINGS) {
          return {
            ...table,
            // Only this middleware (through `down`) and a reader creating the log write its row. Anything
            // else writing it (an old backup being restored) would make readers trust positions that no
            // longer match the data, so the row written is a fresh log: readers then start over.
            mutate: (req) => table.mutate(req.type === 'put' || req.type === 'add' ? { ...req, values: req.values.map(freshIfLog) } : req),
          };
        }
        if (!isTracked(name)) return table;
        return {
          ...table,
          // `.then` on Dexie's own promises (not async/await) keeps Dexie's transaction zone.
          mutate: (req) => table.mutate(req).then((res) => update(req.trans, name, describe(req, res, table)).then(() => res)),
        };
      },
    };
  },
};

/** Installs the change log on a database; call before it opens (the constructor). */
export function installChangeLog(database: Dexie): void {
  database.use(changeLogMiddleware);
  installed.add(database);
}

/** Whether `database` keeps the change log (readers fall back to full reads when not). */
export function keepsChangeLog(database: Dexie): boolean {
  return installed.has(database);
}
