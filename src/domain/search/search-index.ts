/**
 * Full-text search over cards' questions and answers, fast enough to answer on every key
 * press at 50,000 cards (scripts/bench-search.ts measures it).
 *
 * An inverted index: each word (tokenize.ts) maps to the cards containing it, and the words
 * are also kept sorted, so every word starting with a typed prefix is one binary search
 * away. A query matches a card when every word of the query is the start of some word of
 * the card ("lamb edge" finds "Lambda@Edge"). Results carry no ranking: the card browser
 * sorts them by due date, lapses and the like, as Anki's does.
 *
 * The index is built once and then kept in step with the collection by `sync`, which
 * re-indexes only the cards that were added, changed or removed since the last call. A
 * removed (or reworded) card's slot is only marked dead: its words stay in the posting lists,
 * and searches skip it, so a removal costs nothing however common its words are. Once dead
 * slots pile up, the index is rebuilt from the live cards.
 */
import { forEachWord, uniqueWords } from './tokenize.ts';

export interface SearchDoc {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
}

/** The cards matching one query. Valid until the next `sync` (see `SearchIndex.version`). */
export interface SearchMatches {
  readonly count: number;
  has(id: string): boolean;
  /** The matching ids, in no particular order. */
  ids(): string[];
}

export interface SyncSummary {
  added: number;
  changed: number;
  removed: number;
}

export interface SearchIndex {
  /** Cards in the index. */
  readonly size: number;
  /** Increases whenever `sync` changes the index: a key for memoising search results. */
  readonly version: number;
  /**
   * Makes the index hold exactly `docs`; only the differences are (re)indexed. The array is
   * taken as immutable: passing the same array again returns at once.
   */
  sync(docs: readonly SearchDoc[]): SyncSummary;
  /** The cards matching `query`, or null when the query has no words (everything matches). */
  search(query: string): SearchMatches | null;
}

/** Rebuild once dead slots exceed this share of live cards (and this count). */
const COMPACT_SHARE = 0.25;
const COMPACT_MINIMUM = 1000;

const nothing = (): SyncSummary => ({ added: 0, changed: 0, removed: 0 });

interface Diff {
  added: SearchDoc[];
  changed: SearchDoc[];
  removed: string[];
}

/** First index in the sorted `terms` whose term is >= `word`. */
function lowerBound(terms: readonly string[], word: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((terms[mid] as string) < word) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Two sorted lists of distinct strings merged into one. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = (a[i] as string) < (b[j] as string) ? (a[i++] as string) : (b[j++] as string);
  while (i < a.length) out[k++] = a[i++] as string;
  while (j < b.length) out[k++] = b[j++] as string;
  return out;
}

const sameText = (a: SearchDoc, b: SearchDoc): boolean => a === b || (a.question === b.question && a.answer === b.answer);

/**
 * The changes from `last` to `docs` when both list the same ids in the same order (a live
 * query re-read, an edit in place): one pass, no maps. Null when they do not line up.
 */
function alignedDiff(last: readonly SearchDoc[], docs: readonly SearchDoc[]): Diff | null {
  if (last.length !== docs.length) return null;
  const changed: SearchDoc[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as SearchDoc;
    const before = last[i] as SearchDoc;
    if (doc.id !== before.id) return null;
    if (!sameText(doc, before)) changed.push(doc);
  }
  return { added: [], changed, removed: [] };
}

/** Calls `visit` with each word of the card, repeats included. */
function forEachWordOf(doc: SearchDoc, visit: (word: string) => void): void {
  forEachWord(doc.question, visit);
  forEachWord(doc.answer, visit);
}

class InvertedIndex implements SearchIndex {
  version = 0;
  /** Card at each slot; undefined once the slot is dead. Slots are what posting lists hold. */
  private docs: (SearchDoc | undefined)[] = [];
  /** Live cards only. */
  private slotOf = new Map<string, number>();
  private deadSlots = 0;
  private postings = new Map<string, number[]>();
  /** Every word in the posting lists, sorted. */
  private terms: string[] = [];
  private newTerms: string[] = [];
  private lastSynced: readonly SearchDoc[] | null = null;

  get size(): number {
    return this.slotOf.size;
  }

  sync(docs: readonly SearchDoc[]): SyncSummary {
    const last = this.lastSynced;
    this.lastSynced = docs;
    if (docs === last) return nothing();
    const diff = (last !== null ? alignedDiff(last, docs) : null) ?? this.keyedDiff(docs);
    const summary = { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length };
    if (summary.added + summary.changed + summary.removed === 0) return nothing();

    for (const id of diff.removed) this.kill(id);
    for (const doc of diff.changed) {
      this.kill(doc.id);
      this.insert(doc);
    }
    for (const doc of diff.added) this.insert(doc);
    if (this.deadSlots > Math.max(COMPACT_MINIMUM, this.size * COMPACT_SHARE)) this.rebuild(docs);
    this.mergeNewTerms();
    this.version++;
    return summary;
  }

  search(query: string): SearchMatches | null {
    const words = uniqueWords(query);
    if (words.length === 0) return null;
    // marks[slot] counts the query words the card has matched so far, word by word: a card
    // only moves from level n to n + 1, so after the last word the cards at the top level
    // matched every word, with no intermediate sets allocated.
    const marks = new Uint16Array(this.docs.length);
    let level = 0;
    for (const word of words) {
      for (let i = lowerBound(this.terms, word); i < this.terms.length; i++) {
        const term = this.terms[i] as string;
        if (!term.startsWith(word)) break;
        for (const slot of this.postings.get(term) as number[]) if (marks[slot] === level) marks[slot] = level + 1;
      }
      level++;
    }
    const top = level;
    const docs = this.docs;
    let count = 0;
    for (let slot = 0; slot < marks.length; slot++) if (marks[slot] === top && docs[slot] !== undefined) count++;
    const slotOf = this.slotOf;
    return {
      count,
      // slotOf holds live slots only, so a dead slot's mark is never read.
      has: (id) => {
        const slot = slotOf.get(id);
        return slot !== undefined && marks[slot] === top;
      },
      ids: () => {
        const ids: string[] = [];
        marks.forEach((mark, slot) => {
          const doc = docs[slot];
          if (mark === top && doc) ids.push(doc.id);
        });
        return ids;
      },
    };
  }

  /** The changes from the index's cards to `docs`, matched by id. */
  private keyedDiff(docs: readonly SearchDoc[]): Diff {
    const incoming = new Map<string, SearchDoc>();
    for (const doc of docs) incoming.set(doc.id, doc);
    const diff: Diff = { added: [], changed: [], removed: [] };
    for (const id of this.slotOf.keys()) if (!incoming.has(id)) diff.removed.push(id);
    for (const doc of incoming.values()) {
      const slot = this.slotOf.get(doc.id);
      const old = slot === undefined ? undefined : this.docs[slot];
      if (!old) diff.added.push(doc);
      else if (!sameText(old, doc)) diff.changed.push(doc);
    }
    return diff;
  }

  private insert(doc: SearchDoc): void {
    const slot = this.docs.length;
    this.docs.push(doc);
    this.slotOf.set(doc.id, slot);
    forEachWordOf(doc, (word) => {
      const list = this.postings.get(word);
      if (!list) {
        this.postings.set(word, [slot]);
        this.newTerms.push(word);
      } else if (list[list.length - 1] !== slot) {
        // Words repeat within a card; this card's slot is then already last in the list.
        list.push(slot);
      }
    });
  }

  private kill(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.docs[slot] = undefined;
    this.slotOf.delete(id);
    this.deadSlots++;
  }

  /** Starts again from the live cards: posting lists and terms lose every dead slot. */
  private rebuild(docs: readonly SearchDoc[]): void {
    this.docs = [];
    this.slotOf = new Map();
    this.deadSlots = 0;
    this.postings = new Map();
    this.terms = [];
    this.newTerms = [];
    const unique = new Map<string, SearchDoc>();
    for (const doc of docs) unique.set(doc.id, doc);
    for (const doc of unique.values()) this.insert(doc);
  }

  /** Merges the words first seen in this sync into the sorted `terms`. */
  private mergeNewTerms(): void {
    if (this.newTerms.length === 0) return;
    this.terms = mergeSorted(this.terms, this.newTerms.sort());
    this.newTerms = [];
  }
}

/**
 * A search index holding `docs`.
 *
 * @example
 * const index = createSearchIndex([{ id: 'c1', question: 'What is Lambda@Edge?', answer: '- Runs at CloudFront edge locations' }]);
 * index.search('lamb edge')?.has('c1'); // true
 * index.search('cloudfr')?.count; // 1
 * index.search('   '); // null: no words, so the browser shows every card
 */
export function createSearchIndex(docs: readonly SearchDoc[] = []): SearchIndex {
  const index = new InvertedIndex();
  index.sync(docs);
  return index;
}
