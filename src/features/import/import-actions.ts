/**
 * What a person does while importing: choose or drop files, pick a format, rename a deck,
 * remove a file, cancel, confirm. Requests go to the import worker; its events update the
 * store. Nothing is written until confirmImport, and then the worker saves every deck in one
 * transaction; until then Cancel leaves the collection exactly as it was.
 */
import { navigate } from '../../components/routes.ts';
import type { ImportFormatChoice } from '../../domain/deck/formats/import-file.ts';
import type { CommittedDeck, ImportChannel, ImportEvent } from '../../workers/import-protocol.ts';
import { importReadiness } from './import-readiness.ts';
import { initialImportState, useImportStore, type ImportFile } from './import-store.ts';
import { createWorkerChannel } from './worker-channel.ts';

const { getState, setState } = useImportStore;

/** Typing a title re-previews the deck after this pause, not on every key. */
const RETITLE_DELAY_MS = 250;

let channel: ImportChannel | null = null;
let stopListening: (() => void) | null = null;
let nextFileId = 1;
const retitleTimers = new Map<string, number>();

/**
 * Uses `next` for all further requests (tests pass the session in-process); the worker is
 * otherwise started on first use.
 */
export function connectImportChannel(next: ImportChannel): void {
  stopListening?.();
  channel = next;
  stopListening = next.listen(onEvent);
}

function send(...args: Parameters<ImportChannel['send']>): void {
  if (channel === null) connectImportChannel(createWorkerChannel());
  channel?.send(...args);
}

function updateFile(fileId: number, change: (file: ImportFile) => ImportFile): void {
  setState((state) => ({ files: state.files.map((file) => (file.fileId === fileId ? change(file) : file)) }));
}

function describeCommit(decks: readonly CommittedDeck[]): string {
  const parts = decks.map(({ title, cardCount, version }) => {
    const cards = `${cardCount.toLocaleString('en')} ${cardCount === 1 ? 'card' : 'cards'}`;
    if (!version.exists) return `Imported “${title}”: ${cards}.`;
    return `Updated “${title}”: ${version.added} added, ${version.changed} changed, ${version.removed} hidden; ${cards} in all.`;
  });
  return parts.join(' ');
}

function onEvent(event: ImportEvent): void {
  switch (event.type) {
    case 'progress':
      updateFile(event.fileId, (file) => (file.generation === event.generation ? { ...file, progress: event.fraction } : file));
      return;
    case 'file':
      updateFile(event.fileId, (file) =>
        file.generation === event.generation
          ? { ...file, progress: 1, report: event.report, titles: event.report.decks.map((deck) => deck.title) }
          : file,
      );
      return;
    case 'deck':
      updateFile(event.fileId, (file) => {
        if (file.generation !== event.generation || file.report === null) return file;
        const decks = file.report.decks.map((deck, i) => (i === event.deckIndex ? event.report : deck));
        return { ...file, report: { ...file.report, decks } };
      });
      return;
    case 'committed': {
      const done = new Set(getState().committing);
      setState((state) => ({
        files: state.files.filter((file) => !done.has(file.fileId)),
        committing: [],
        commitError: null,
        notice: describeCommit(event.decks),
      }));
      navigate({ name: 'home' });
      return;
    }
    case 'failed':
      if (getState().committing.length > 0) {
        setState({ committing: [], commitError: `Nothing was imported. ${event.message}` });
      } else {
        setState((state) => ({
          files: state.files.map((file) => (file.report === null && file.failure === null ? { ...file, failure: event.message } : file)),
        }));
      }
      return;
  }
}

function read(file: ImportFile): void {
  send({ type: 'read', fileId: file.fileId, generation: file.generation, source: file.source, format: file.format });
}

/** Opens the preview for these files (adding to any already in it) and starts reading them. */
export function startImport(chosen: readonly File[]): void {
  if (chosen.length === 0) return;
  const added: ImportFile[] = chosen.map((source) => ({
    fileId: nextFileId++,
    name: source.name,
    source,
    format: 'auto',
    generation: 1,
    progress: 0,
    report: null,
    failure: null,
    titles: [],
  }));
  setState((state) => ({ files: [...state.files, ...added], notice: null, commitError: null }));
  added.forEach(read);
}

/** Reads the file again as `format` ('auto' to detect it). */
export function setFormat(fileId: number, format: ImportFormatChoice): void {
  const file = getState().files.find((f) => f.fileId === fileId);
  if (file === undefined) return;
  const next: ImportFile = { ...file, format, generation: file.generation + 1, progress: 0, report: null, failure: null, titles: [] };
  updateFile(fileId, () => next);
  read(next);
}

/** Changes a deck's title (and so its id); the preview follows after a short pause. */
export function setTitle(fileId: number, deckIndex: number, title: string): void {
  updateFile(fileId, (file) => ({ ...file, titles: file.titles.map((t, i) => (i === deckIndex ? title : t)) }));
  const key = `${fileId}:${deckIndex}`;
  window.clearTimeout(retitleTimers.get(key));
  retitleTimers.set(
    key,
    window.setTimeout(() => {
      retitleTimers.delete(key);
      const file = getState().files.find((f) => f.fileId === fileId);
      const typed = file?.titles[deckIndex]?.trim();
      // Sent even when it equals the title shown: an earlier rename may still be on its way.
      if (file === undefined || typed === undefined || typed === '') return;
      send({ type: 'retitle', fileId, generation: file.generation, deckIndex, title: typed });
    }, RETITLE_DELAY_MS),
  );
}

function clearTimersOf(fileId: number): void {
  for (const [key, timer] of retitleTimers) {
    if (key.startsWith(`${fileId}:`)) {
      window.clearTimeout(timer);
      retitleTimers.delete(key);
    }
  }
}

/** Takes one file out of the import. */
export function removeFile(fileId: number): void {
  clearTimersOf(fileId);
  setState((state) => ({ files: state.files.filter((file) => file.fileId !== fileId) }));
  send({ type: 'forget', fileId });
}

/** Closes the preview without importing anything. Ignored while the import is being saved. */
export function cancelImport(): void {
  const { files, committing } = getState();
  if (committing.length > 0) return;
  for (const file of files) {
    clearTimersOf(file.fileId);
    send({ type: 'forget', fileId: file.fileId });
  }
  setState({ files: [], commitError: null });
}

/** Saves every deck of every file in the preview, in one transaction. */
export function confirmImport(): void {
  const { files, committing } = getState();
  if (committing.length > 0 || !importReadiness(files).canImport) return;
  setState({ committing: files.map((file) => file.fileId), commitError: null });
  send({ type: 'commit', files: files.map((file) => ({ fileId: file.fileId, titles: file.titles.map((t) => t.trim()) })) });
}

export function dismissNotice(): void {
  setState({ notice: null });
}

/** Back to an empty dialog and no notice (tests; leaving the app). */
export function resetImport(): void {
  for (const timer of retitleTimers.values()) window.clearTimeout(timer);
  retitleTimers.clear();
  setState(initialImportState);
}
