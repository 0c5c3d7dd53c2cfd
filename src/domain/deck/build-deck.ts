/**
 * The one path from a deck file (plus its optional topic map) to the Deck the app embeds.
 * The Vite build step and the deck CLI both call `buildDeck` and `deckJson`, so what an
 * author checks with `npm run deck -- --json` is byte for byte what the build ships.
 */
import type { Deck, Diagnostic } from './types.ts';
import { parseBytes } from './decode.ts';
import { assignTopics, validateTopicMap } from './topics.ts';

/**
 * The topic map that belongs to a deck file: same folder, same stem, `.topics.json`.
 *
 * @example topicsFileFor('decks/aws-cda.txt') // 'decks/aws-cda.topics.json'
 */
export function topicsFileFor(deckFileName: string): string {
  const slash = Math.max(deckFileName.lastIndexOf('/'), deckFileName.lastIndexOf('\\'));
  const dot = deckFileName.lastIndexOf('.');
  const stem = dot > slash + 1 ? deckFileName.slice(0, dot) : deckFileName;
  return `${stem}.topics.json`;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function readTopicJson(topicMapJson: string, source: string): { json: unknown; diagnostics: Diagnostic[] } {
  try {
    return { json: JSON.parse(topicMapJson), diagnostics: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { json: undefined, diagnostics: [{ line: 0, severity: 'error', message: `${source}: not valid JSON (${reason})` }] };
  }
}

/**
 * Parses deck bytes and, when the deck has a topic map (its JSON text), assigns topics.
 * Problems with the map become diagnostics of the deck; cards that match no topic get a
 * warning, so an author sees which keywords are missing.
 *
 * @example
 * const deck = buildDeck(bytes, 'aws-cda.txt', topicsJsonText);
 * deck.cards.every((card) => card.topics.length > 0) // true for the seed deck
 */
export function buildDeck(bytes: Uint8Array, fileName: string, topicMapJson?: string): Deck {
  const deck = parseBytes(bytes, fileName);
  if (topicMapJson === undefined) return deck;
  const source = baseName(topicsFileFor(fileName));
  const read = readTopicJson(topicMapJson, source);
  const validated = read.diagnostics.length > 0 ? { value: null, diagnostics: [] } : validateTopicMap(read.json, source);
  const diagnostics = [...deck.diagnostics, ...read.diagnostics, ...validated.diagnostics];
  if (validated.value === null) return { ...deck, diagnostics: sortByLine(diagnostics) };
  const cards = assignTopics(deck.cards, validated.value);
  for (const card of cards) {
    if (card.topics.length === 0) {
      diagnostics.push({ line: card.line, severity: 'warning', message: `no keyword of ${source} matches this card` });
    }
  }
  return { ...deck, cards, diagnostics: sortByLine(diagnostics) };
}

function sortByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line);
}

/**
 * The JSON text of a deck exactly as the build embeds it (two-space indentation, keys in the
 * order of the Deck type).
 *
 * @example JSON.parse(deckJson(deck)).cards.length === deck.cards.length // true
 */
export function deckJson(deck: Deck): string {
  return JSON.stringify(deck, null, 2);
}
