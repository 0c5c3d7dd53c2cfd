/**
 * The change log: which rows of the review log, the card states and the cards changed, written
 * in the same transaction as each change. Derived data (the statistics cache, stats-cache.ts)
 * uses it to catch up by reading only those rows. It exists because IndexedDB reads cost tens
 * of microseconds per review row: re-reading a million-answer log on every visit to the
 * statistics screen would take half a minute, and even counting the rows takes seconds.
 *
 * It is a Dexie middleware, installed on the database before it opens, so no writer (present
 * or future, in any tab or worker) can forget it. Every read-write transaction that touches a
 * tracked table is widened to include the log's own table, `changes`.
 *
 * The log is append-only: each write to a tracked table adds one small row listing the keys it
 * wrote, under a key from the table's key generator. That key is the change's position: IndexedDB
 * runs read-write transactions on the same table one at a time, so positions grow in commit
 * order across tabs, and adding a row needs no read first. An answer costs one extra `add` of a
 * few dozen bytes, issued together with the write it describes, whatever the size of the log.
 *
 * Answers append review rows with keys from the key generator, which are always above every key
 * the table has held, so a reader finds them by reading above the highest id it knows and they
 * are not logged at all. Such a row also stands for a change of its card's state: a write of card
 * states in a transaction that has already appended review rows for all of those cards is not
 * logged either (readers re-read the states of the cards of the review rows they find), so an
 * answer, which appends its review row before it writes the state, adds nothing to the log.
 * A write of more than MAX_LISTED keys, or of a range, is logged as "the
 * whole table changed". Every TRIM_EVERY positions the rows older than the newest MAX_KEPT are
 * deleted and the head row (position 0) notes, per table, the newest position deleted: a reader
 * that far behind reads that table again in full. The head also holds the log's epoch, which
 * changes when the database is replaced, so that positions of another database are never
 * trusted. The log describes this browser's database, not the collection: backups leave it out.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Dexie, EntityTable, Middleware } from 'dexie';

export const CHANGES_TABLE = 'changes';
export const TRACKED_TABLES = ['reviews', 'states', 'cards'] as const;
export type TrackedTable = (typeof TRACKED_TABLES)[number];
export type RowKey = string | number;

/** Most keys one row lists; a larger write is logged as a change of the whole table. */
export const MAX_LISTED = 2000;
/** How many of the newest changes are kept. */
export const MAX_KEPT = 10_000;
/** Older changes are deleted whenever a change lands on a multiple of this position. */
export const TRIM_EVERY = 1000;
/** The head row's key; changes are at positions from 1 up. */
export const HEAD_SEQ = 0;

/** One logged write: the keys of `table` it changed, or null when any row may have. */
export interface ChangeRow {
  seq: number;
  table: TrackedTable;
  keys: RowKey[] | null;
}

export interface HeadRow {
  seq: typeof HEAD_SEQ;
  /** Identifies this log: positions from another epoch mean nothing here. */
  epoch: string;
  /** Per table, the newest position deleted: a reader at or before it must read the table in full. */
  since: Record<TrackedTable, number>;
}

export type ChangeLogRow = ChangeRow | HeadRow;

/** What a reader sees of the log: the head, the newest position, and the changes after `from`. */
export interface ChangeLog {
  epoch: string;
  /** Position of the latest change (0 when none was logged). */
  seq: number;
  since: Record<TrackedTable, number>;
  /** The changes after this position are in `changes`, oldest first. */
  from: number;
  changes: ChangeRow[];
}

type ChangesTable = EntityTable<ChangeLogRow, 'seq'>;

const isTracked = (name: string): name is TrackedTable => (TRACKED_TABLES as readonly string[]).includes(name);
const isListable = (key: unknown): key is RowKey => typeof key === 'string' || typeof key === 'number';

function newEpoch(): string {
  // getRandomValues, not randomUUID: the latter is missing outside secure contexts.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function newHead(): HeadRow {
  return { seq: HEAD_SEQ, epoch: newEpoch(), since: { reviews: 0, states: 0, cards: 0 } };
}

/** Reads a stored value as the log's head, or null when it is not one. */
export function asChangeLogHead(value: unknown): HeadRow | null {
  const head = value as Partial<HeadRow> | undefined;
  const sinceOk = head?.since !== undefined && TRACKED_TABLES.every((name) => typeof head.since?.[name] === 'number');
  return head?.seq === HEAD_SEQ && typeof head.epoch === 'string' && sinceOk ? (head as HeadRow) : null;
}

const isChange = (row: ChangeLogRow): row is ChangeRow => row.seq !== HEAD_SEQ;

/**
 * Keys of `table` changed after position `seen`, or null when the log no longer lists them all
 * (the reader must read the table in full).
 *
 * @example
 * changedAfter(log, 'states', cache.seq) // → Set { 'card-a', 'card-b' }
 */
export function changedAfter(log: ChangeLog, table: TrackedTable, seen: number): Set<RowKey> | null {
  if (seen < log.from) throw new RangeError(`The change log was read after position ${log.from}, not ${seen}.`);
  if (seen < log.since[table]) return null;
  const keys = new Set<RowKey>();
  for (const change of log.changes) {
    if (change.seq <= seen || change.table !== table) continue;
    if (change.keys === null) return null;
    for (const key of change.keys) keys.add(key);
  }
  return keys;
}

/**
 * The log as stored, with the changes after position `after`, or null when it has no head yet
 * (ensureChangeLogHead makes one). Run it inside a transaction to read it consistently with rows.
 */
export async function readChangeLog(changes: ChangesTable, after: number): Promise<ChangeLog | null> {
  const [head, rows, last] = await Promise.all([changes.get(HEAD_SEQ), changes.where(':id').above(after).toArray(), changes.orderBy(':id').lastKey()]);
  const valid = asChangeLogHead(head);
  if (!valid) return null;
  return { epoch: valid.epoch, seq: Number(last ?? HEAD_SEQ), since: valid.since, from: after, changes: rows.filter(isChange) };
}

/** The head row, written now (with a fresh epoch) when there is none. Needs a read-write transaction. */
export async function ensureChangeLogHead(changes: ChangesTable): Promise<HeadRow> {
  const stored = asChangeLogHead(await changes.get(HEAD_SEQ));
  if (stored) return stored;
  const head = newHead();
  await changes.put(head);
  return head;
}

/** What a write logs: listed keys, the whole table, nothing (appended review rows), or "ask the result". */
type Logged = { keys: RowKey[] | null } | 'nothing' | 'from-result';

function listed(keys: readonly unknown[]): { keys: RowKey[] | null } {
  // Keys that cannot be listed: say the whole table changed rather than miss a row.
  if (keys.length > MAX_LISTED || !keys.every(isListable)) return { keys: null };
  return { keys: [...new Set(keys)] };
}

/** What a write will log, told before it runs so that the log row can be added alongside it. */
function describe(req: DBCoreMutateRequest, table: DBCoreTable): Logged {
  if (req.type === 'deleteRange') return { keys: null };
  // Dexie's modify() can send a write of no rows at all.
  const count = req.type === 'delete' ? req.keys.length : req.values.length;
  if (count === 0) return 'nothing';
  if (req.type === 'delete') return listed(req.keys);
  const primaryKey = table.schema.primaryKey;
  const extractKey = primaryKey.extractKey;
  const keys: unknown[] | undefined = req.keys ?? (extractKey ? req.values.map((value) => extractKey(value)) : undefined);
  if (keys !== undefined && keys.every((key) => key != null)) return listed(keys);
  const generated = req.type === 'add' && primaryKey.autoIncrement === true && (keys === undefined || keys.every((key) => key == null));
  if (generated) return 'nothing';
  if (req.type === 'put' && req.updates) return listed(req.updates.keys);
  return 'from-result';
}

const KEPT_RANGE = (upTo: number) => ({ type: 2 as DBCoreRangeType.Range, lower: HEAD_SEQ, lowerOpen: true, upper: upTo, upperOpen: false });

/** Deletes the changes at positions up to `upTo` and notes, per table, the newest one deleted. */
function trim(changes: DBCoreTable, trans: DBCoreTransaction, upTo: number): Promise<unknown> {
  const range = KEPT_RANGE(upTo);
  return changes
    .query({ trans, values: true, query: { index: changes.schema.primaryKey, range } })
    .then(({ result }) =>
      changes.get({ trans, key: HEAD_SEQ }).then((stored: unknown) => {
        const head = asChangeLogHead(stored) ?? newHead();
        for (const row of result as ChangeRow[]) {
          if (isTracked(row.table)) head.since[row.table] = Math.max(head.since[row.table], row.seq);
        }
        return changes
          .mutate({ type: 'deleteRange', trans, range })
          .then(mustSucceed)
          .then(() => changes.mutate({ type: 'put', trans, values: [head] }))
          .then(mustSucceed);
      }),
    );
}

/**
 * Dexie reports a failed request of a write as a failure in its response and keeps the
 * transaction going; a change the log failed to note must fail the transaction instead.
 */
function mustSucceed(res: DBCoreMutateResponse): DBCoreMutateResponse {
  if (res.numFailures > 0) throw Object.values(res.failures)[0] ?? new Error('The change log could not be written.');
  return res;
}

/** Adds the row describing one write, and trims the log when its position says so. */
function append(changes: DBCoreTable, trans: DBCoreTransaction, table: TrackedTable, keys: RowKey[] | null): Promise<unknown> {
  return changes.mutate({ type: 'add', trans, values: [{ table, keys }] }).then((res) => {
    const seq = Number(mustSucceed(res).results?.[0]);
    return seq % TRIM_EVERY === 0 && seq > MAX_KEPT ? trim(changes, trans, seq - MAX_KEPT) : undefined;
  });
}

/** Per transaction, the cards it has appended review rows for. */
const answeredIn = new WeakMap<DBCoreTransaction, Set<unknown>>();

function noteAnswered(trans: DBCoreTransaction, rows: readonly unknown[]): void {
  const cards = answeredIn.get(trans) ?? new Set<unknown>();
  for (const row of rows) cards.add((row as { cardId?: unknown } | null)?.cardId);
  answeredIn.set(trans, cards);
}

const allAnswered = (trans: DBCoreTransaction, keys: readonly RowKey[]): boolean => {
  const cards = answeredIn.get(trans);
  return cards !== undefined && keys.every((key) => cards.has(key));
};

const installed = new WeakSet<Dexie>();

export const changeLogMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ChangeLog',
  create(down) {
    // Absent while a database of schema version 1 is being upgraded: nothing is logged then, and
    // readers, which need the table, start from a new epoch afterwards.
    if (!down.schema.tables.some((table) => table.name === CHANGES_TABLE)) return down;
    const changes = down.table(CHANGES_TABLE);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some(isTracked) && !stores.includes(CHANGES_TABLE);
        return down.transaction(widen ? [...stores, CHANGES_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isTracked(name)) return table;
        return {
          ...table,
          // `.then` on Dexie's own promises (not async/await) keeps Dexie's transaction zone.
          mutate: (req) => {
            const logged = describe(req, table);
            if (logged === 'nothing') {
              if (name === 'reviews' && req.type === 'add') noteAnswered(req.trans, req.values);
              return table.mutate(req);
            }
            if (name === 'states' && req.type !== 'delete' && logged !== 'from-result' && logged.keys !== null && allAnswered(req.trans, logged.keys)) {
              return table.mutate(req);
            }
            if (logged === 'from-result') {
              return table.mutate(req).then((res) => {
                const keys: unknown[] | undefined = res.results;
                return append(changes, req.trans, name, keys === undefined ? null : listed(keys).keys).then(() => res);
              });
            }
            // Both requests go out at once: the log row costs no extra round trip to the database.
            // Listing a key whose write then fails is harmless; a reader only reads that row again.
            const written = table.mutate(req);
            const appended = append(changes, req.trans, name, logged.keys);
            // Seen here so that a failure of both (the transaction aborting) is not also reported unhandled.
            appended.catch(() => undefined);
            return written.then((res) => appended.then(() => res));
          },
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
