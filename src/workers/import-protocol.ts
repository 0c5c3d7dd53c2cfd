/**
 * The messages between the import screen and the import worker. The worker keeps the parsed
 * decks (which can hold 50,000 cards); the page only ever receives reports about them —
 * counts, tags, diagnostics, what saving would change — so nothing large crosses to the
 * main thread and the page stays responsive.
 */
import type { DeckVersionSummary } from '../db/deck-writes.ts';
import type { ImportFormat } from '../domain/deck/formats/detect.ts';
import type { ImportFormatChoice } from '../domain/deck/formats/import-file.ts';
import type { Diagnostic } from '../domain/deck/types.ts';

/** A file as the page hands it over: a File (read in the worker) or bytes already read. */
export type ImportSource = File | { name: string; data: ArrayBuffer };

export type ImportRequest =
  /** Parse (or parse again, e.g. with another format) one file. */
  | { type: 'read'; fileId: number; generation: number; source: ImportSource; format: ImportFormatChoice }
  /** Rename one deck of a parsed file: new deck id, new card ids, new preview of the save. */
  | { type: 'retitle'; fileId: number; generation: number; deckIndex: number; title: string }
  /** Save every deck of these files, in one transaction; titles are the ones shown. */
  | { type: 'commit'; files: { fileId: number; titles: string[] }[] }
  /** Drop a file's parsed decks (removed from the preview, or the import was cancelled). */
  | { type: 'forget'; fileId: number };

export interface DeckReport {
  id: string;
  title: string;
  cardCount: number;
  /** Each tag with the number of cards carrying it, most used first. */
  tags: [tag: string, cards: number][];
  diagnostics: Diagnostic[];
  /** Added / changed / unchanged / removed against the collection, and whether the deck exists. */
  version: DeckVersionSummary;
  /** Title of the deck in the collection this import would update; null for a new deck. */
  existingTitle: string | null;
}

export interface FileReport {
  fileName: string;
  /** The format the file was read as (detected or chosen). */
  format: ImportFormat;
  /** False when any error exists, in the file or one of its decks: it cannot be imported. */
  ok: boolean;
  /** Problems of the whole file (empty, binary, too large, invalid UTF-8, no cards…). */
  diagnostics: Diagnostic[];
  decks: DeckReport[];
}

export interface CommittedDeck {
  title: string;
  cardCount: number;
  version: DeckVersionSummary;
}

export type ImportEvent =
  | { type: 'progress'; fileId: number; generation: number; fraction: number }
  | { type: 'file'; fileId: number; generation: number; report: FileReport }
  | { type: 'deck'; fileId: number; generation: number; deckIndex: number; report: DeckReport }
  | { type: 'committed'; decks: CommittedDeck[] }
  | { type: 'failed'; message: string };

/** The page's side of the conversation: the worker, or the same code in-process in tests. */
export interface ImportChannel {
  send(request: ImportRequest): void;
  /** Registers the one listener for events; returns a function that removes it. */
  listen(onEvent: (event: ImportEvent) => void): () => void;
}
