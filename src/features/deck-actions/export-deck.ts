/**
 * Exporting a deck as deck text, downloaded as `<deck-id>.txt`. Cards the text format cannot
 * express exactly (possible for decks imported from Anki or CSV) are still written; the
 * returned message says how many would not come back unchanged.
 */
import { downloadFile } from '../../components/download-file.ts';
import { deckForExport } from '../../db/deck-transfer.ts';
import { describeStorageError } from '../../db/storage-errors.ts';
import { findSerializationLosses, serializeDeck } from '../../domain/deck/serialize.ts';

/** Downloads the deck; resolves with a sentence saying what was saved. */
export async function exportDeckText(deckId: string): Promise<string> {
  const deck = await deckForExport(deckId).catch((error: unknown) => {
    throw new Error(`Could not read the deck. ${describeStorageError(error)}`);
  });
  if (deck === undefined) throw new Error(`There is no deck "${deckId}" any more; it may have been deleted.`);
  const fileName = `${deck.id}.txt`;
  downloadFile(fileName, serializeDeck(deck), 'text/plain;charset=utf-8');
  const losses = findSerializationLosses(deck).length;
  const cards = `${deck.cards.length.toLocaleString('en')} ${deck.cards.length === 1 ? 'card' : 'cards'}`;
  const note = losses === 0 ? '' : ` ${losses} ${losses === 1 ? 'part' : 'parts'} could not be written exactly in the text format (see the deck format rules).`;
  return `Exported ${fileName} (${cards}).${note}`;
}
