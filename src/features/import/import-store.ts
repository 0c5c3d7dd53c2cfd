/**
 * The import dialog's short-lived state (Zustand): the files being imported, each with the
 * format chosen for it, its reading progress, the worker's report on it and the deck titles
 * as typed. The parsed decks themselves stay in the worker; nothing here is persisted.
 */
import { create } from 'zustand';
import type { ImportFormatChoice } from '../../domain/deck/formats/import-file.ts';
import type { FileReport, ImportSource } from '../../workers/import-protocol.ts';

export interface ImportFile {
  fileId: number;
  name: string;
  /** Kept to read the file again when the person picks another format. */
  source: ImportSource;
  format: ImportFormatChoice;
  /** Increases with every new read; reports from older reads are ignored. */
  generation: number;
  /** Reading and parsing progress, 0 to 1. */
  progress: number;
  /** Null while the file is being read. */
  report: FileReport | null;
  /** Set when the worker failed before it could report on the file. */
  failure: string | null;
  /** Deck titles as typed, one per deck of the report. */
  titles: string[];
}

export interface ImportState {
  files: ImportFile[];
  /** Files whose decks are being saved. */
  committing: number[];
  commitError: string | null;
  /** What the last import did, shown until dismissed or the next import. */
  notice: string | null;
}

export const initialImportState: ImportState = { files: [], committing: [], commitError: null, notice: null };

export const useImportStore = create<ImportState>(() => initialImportState);
