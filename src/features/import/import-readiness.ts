/**
 * Whether the files in the import dialog may be imported now, and if not, why — as
 * sentences for the dialog. Errors block an import; warnings do not.
 */
import type { ImportFile } from './import-store.ts';

export interface Readiness {
  canImport: boolean;
  /** Why Confirm is disabled; empty when it is enabled. */
  reasons: string[];
}

const isSynced = (file: ImportFile) =>
  file.report !== null && file.report.decks.every((deck, i) => (file.titles[i] ?? deck.title).trim() === deck.title);

export function importReadiness(files: readonly ImportFile[]): Readiness {
  const reasons: string[] = [];
  if (files.some((file) => file.report === null && file.failure === null)) reasons.push('Reading files…');
  const broken = files.filter((file) => file.failure !== null || (file.report !== null && !file.report.ok));
  if (broken.length > 0) {
    const names = broken.map((file) => file.name).join(', ');
    reasons.push(`${names} ${broken.length === 1 ? 'has' : 'have'} errors and cannot be imported. Fix the file, or remove it to import the others.`);
  }
  if (files.some((file) => file.titles.some((title) => title.trim() === ''))) reasons.push('Every deck needs a title.');
  else if (files.some((file) => file.report !== null && !isSynced(file))) reasons.push('Updating the preview…');

  const owners = new Map<string, string>();
  for (const file of files) {
    for (const deck of file.report?.decks ?? []) {
      const other = owners.get(deck.id);
      if (other !== undefined) reasons.push(`“${other}” and “${deck.title}” would both become the deck “${deck.id}”. Give one of them another title.`);
      owners.set(deck.id, deck.title);
    }
  }
  const deckCount = files.reduce((sum, file) => sum + (file.report?.decks.length ?? 0), 0);
  if (deckCount === 0 && reasons.length === 0) reasons.push('There is nothing to import.');
  return { canImport: reasons.length === 0 && deckCount > 0, reasons };
}
