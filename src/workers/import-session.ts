/**
 * What the import worker does, without the worker around it: it reads and parses files
 * (src/domain, the same code the build step runs), keeps the parsed decks, reports on them,
 * renames decks and commits them. import.worker.ts connects it to `postMessage`; component
 * tests run it in-process. Requests are handled one at a time, in order, so a commit never
 * overtakes the rename before it; a read superseded by a newer read of the same file is skipped.
 */
import { previewDeckVersion } from '../db/deck-writes.ts';
import { DuplicateDeckError, deckTitle, saveImportedDecks } from '../db/deck-transfer.ts';
import { describeStorageError } from '../db/storage-errors.ts';
import { retitleDeck } from '../domain/deck/formats/deck-builder.ts';
import { MAX_IMPORT_BYTES, importFile, type ImportFormatChoice } from '../domain/deck/formats/import-file.ts';
import type { Deck } from '../domain/deck/types.ts';
import type { DeckReport, FileReport, ImportEvent, ImportRequest, ImportSource } from './import-protocol.ts';

interface ParsedFile {
  generation: number;
  fileName: string;
  ok: boolean;
  decks: Deck[];
}

function sizeOf(source: ImportSource): number {
  return 'data' in source ? source.data.byteLength : source.size;
}

async function bytesOf(source: ImportSource): Promise<Uint8Array> {
  return new Uint8Array('data' in source ? source.data : await source.arrayBuffer());
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The report of a file refused as a whole (too large, unreadable): one error, no decks. */
function refused(fileName: string, format: ImportFormatChoice, message: string): FileReport {
  return { fileName, format: format === 'auto' ? 'retain' : format, ok: false, diagnostics: [{ line: 0, severity: 'error', message }], decks: [] };
}

/** A commit the session refuses, with a message for the person (as opposed to a storage failure). */
class RefusedError extends Error {}

async function reportDeck(deck: Deck): Promise<DeckReport> {
  const tagCounts = new Map<string, number>();
  for (const card of deck.cards) for (const tag of card.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  return {
    id: deck.id,
    title: deck.title,
    cardCount: deck.cards.length,
    tags: [...tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    diagnostics: deck.diagnostics,
    version: await previewDeckVersion(deck),
    existingTitle: (await deckTitle(deck.id)) ?? null,
  };
}

function titled(deck: Deck, title: string): Deck {
  const trimmed = title.trim();
  return trimmed === '' || trimmed === deck.title ? deck : retitleDeck(deck, trimmed);
}

/**
 * A session: hand every request to the returned function; events go to `post`.
 *
 * @example
 * const handle = createImportSession((event) => self.postMessage(event));
 * self.addEventListener('message', (e) => handle(e.data));
 */
export function createImportSession(post: (event: ImportEvent) => void, clock: () => Date = () => new Date()) {
  const files = new Map<number, ParsedFile>();
  const latestRead = new Map<number, number>();
  let queue: Promise<void> = Promise.resolve();

  async function read(request: Extract<ImportRequest, { type: 'read' }>): Promise<void> {
    const { fileId, generation, source, format } = request;
    if ((latestRead.get(fileId) ?? generation) > generation) return;
    const fileName = source.name;
    const size = sizeOf(source);
    // Checked before reading: a 2 GB file must not be loaded into memory only to be refused.
    if (size > MAX_IMPORT_BYTES) {
      files.set(fileId, { generation, fileName, ok: false, decks: [] });
      const message = `${fileName} is ${megabytes(size)}; files larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB cannot be imported. Split it into smaller files and import them one at a time.`;
      post({ type: 'file', fileId, generation, report: refused(fileName, format, message) });
      return;
    }
    post({ type: 'progress', fileId, generation, fraction: 0 });
    let bytes: Uint8Array;
    try {
      bytes = await bytesOf(source);
    } catch (error) {
      // E.g. the file was moved or changed on disk after it was chosen.
      const reason = error instanceof Error ? error.message : String(error);
      files.set(fileId, { generation, fileName, ok: false, decks: [] });
      post({ type: 'file', fileId, generation, report: refused(fileName, format, `${fileName} could not be read (${reason}). Choose it again.`) });
      return;
    }
    // Parsing is most of the work; comparing with the collection takes the last tenth.
    const result = importFile(bytes, fileName, {
      format,
      onProgress: (fraction) => post({ type: 'progress', fileId, generation, fraction: 0.9 * fraction }),
    });
    const decks = await Promise.all(result.decks.map(reportDeck));
    files.set(fileId, { generation, fileName, ok: result.ok, decks: result.decks });
    post({ type: 'file', fileId, generation, report: { fileName, format: result.format, ok: result.ok, diagnostics: result.diagnostics, decks } });
  }

  async function retitle(request: Extract<ImportRequest, { type: 'retitle' }>): Promise<void> {
    const file = files.get(request.fileId);
    const deck = file?.decks[request.deckIndex];
    if (file === undefined || deck === undefined || file.generation !== request.generation) return;
    const renamed = titled(deck, request.title);
    file.decks[request.deckIndex] = renamed;
    const report = await reportDeck(renamed);
    post({ type: 'deck', fileId: request.fileId, generation: request.generation, deckIndex: request.deckIndex, report });
  }

  async function commit(request: Extract<ImportRequest, { type: 'commit' }>): Promise<void> {
    const decks: Deck[] = [];
    for (const { fileId, titles } of request.files) {
      const file = files.get(fileId);
      if (file === undefined) throw new RefusedError('A file to import is no longer loaded; choose it again.');
      if (!file.ok) throw new RefusedError(`${file.fileName} has errors, so it cannot be imported.`);
      file.decks.forEach((deck, i) => decks.push(titled(deck, titles[i] ?? deck.title)));
    }
    const summaries = await saveImportedDecks(decks, clock());
    for (const { fileId } of request.files) files.delete(fileId);
    const committed = summaries.map((version, i) => ({ title: decks[i]?.title ?? version.deckId, cardCount: decks[i]?.cards.length ?? 0, version }));
    post({ type: 'committed', decks: committed });
  }

  async function handle(request: ImportRequest): Promise<void> {
    try {
      if (request.type === 'read') await read(request);
      else if (request.type === 'retitle') await retitle(request);
      else if (request.type === 'commit') await commit(request);
      else files.delete(request.fileId);
    } catch (error) {
      const refusal = error instanceof RefusedError || error instanceof DuplicateDeckError;
      post({ type: 'failed', message: refusal ? error.message : describeStorageError(error) });
    }
  }

  return (request: ImportRequest): Promise<void> => {
    if (request.type === 'read') latestRead.set(request.fileId, Math.max(request.generation, latestRead.get(request.fileId) ?? 0));
    queue = queue.then(() => handle(request));
    return queue;
  };
}
