/**
 * Deck -> deck text (the format parse.ts reads), for "export as text" and for tests.
 *
 * Layout: the title line, then each card as its question line, one line per tag and the
 * answer's lines, cards separated by a blank line. Every deck that parse.ts produced comes
 * back with the same title, ids, questions, answers and tags: parse output is already in the
 * canonical form the serializer writes.
 *
 * Decks from elsewhere (e.g. an Anki import) may hold cards the format cannot express: an
 * answer line ending in "?", text after list items, a tag that is not a single capitalised
 * word, a tag on a card without list items, blank lines inside an answer. `serializeDeck`
 * still writes them as faithfully as it can (line breaks inside a question become spaces);
 * `findSerializationLosses` says, card by card, what would not come back unchanged.
 *
 * The title line is left out when the first question would otherwise be read as answer
 * content of a title-turned-question (a one-word question whose answer starts with a list),
 * or when the title could not be a title line (it ends in "?" or looks like a list item).
 * The title then comes from the file name again, which is right whenever the deck came from
 * a file with no title line.
 */
import type { Deck, DeckCard, Diagnostic } from './types.ts';
import { classifyLines, lineKind, lookahead, splitLines, startsAnswerContent } from './lines.ts';
import { normaliseQuestion } from './ids.ts';
import { parse } from './parse.ts';

function singleLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

function cardLines(card: DeckCard): string[] {
  const answer = card.answer === '' ? [] : splitLines(card.answer);
  return [singleLine(card.question), ...card.tags.map(singleLine), ...answer];
}

/**
 * Writes a deck in the text format.
 *
 * @example
 * serializeDeck(parse('My deck\nWhat is SQS?\nDevelopment\n- A queue\n', 'my.txt'))
 * // 'My deck\n\nWhat is SQS?\nDevelopment\n- A queue\n'
 */
export function serializeDeck(deck: Deck): string {
  const body: string[] = [];
  for (const card of deck.cards) {
    if (body.length > 0) body.push('');
    body.push(...cardLines(card));
  }
  const title = singleLine(deck.title);
  const titleKind = lineKind(title);
  const { kinds } = classifyLines(body);
  const firstCardReadsAsAnswer = startsAnswerContent(kinds, lookahead(kinds), 0);
  const writeTitle = (titleKind === 'word' || titleKind === 'text') && !firstCardReadsAsAnswer;
  const lines = writeTitle ? [title, ...(body.length > 0 ? ['', ...body] : [])] : body;
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function describeChange(before: DeckCard, after: DeckCard): string | undefined {
  const changed: string[] = [];
  if (before.question !== after.question) changed.push('question');
  if (before.answer !== after.answer) changed.push('answer');
  if (before.tags.join('\u0000') !== after.tags.join('\u0000')) changed.push('tags');
  if (before.id !== after.id) changed.push('id');
  return changed.length === 0 ? undefined : changed.join(', ');
}

function keyedByQuestion(cards: readonly DeckCard[]): { key: string; card: DeckCard }[] {
  const seen = new Map<string, number>();
  return cards.map((card) => {
    const question = normaliseQuestion(singleLine(card.question));
    const occurrence = seen.get(question) ?? 0;
    seen.set(question, occurrence + 1);
    return { key: `${question}\u0000${occurrence}`, card };
  });
}

function quote(text: string): string {
  const oneLine = singleLine(text);
  return oneLine.length > 60 ? `"${oneLine.slice(0, 57)}…"` : `"${oneLine}"`;
}

/**
 * What a round trip through the text format (serializeDeck, then parse) would change, as
 * warnings on the cards' lines. Empty when the deck survives exactly.
 *
 * @example
 * findSerializationLosses(parse(text, 'a.txt')) // [] for any text
 */
export function findSerializationLosses(deck: Deck): Diagnostic[] {
  const back = parse(serializeDeck(deck), deck.sourceFile);
  const losses: Diagnostic[] = [];
  if (back.title !== deck.title || back.id !== deck.id) {
    losses.push({
      line: 0,
      severity: 'warning',
      message: `the deck would come back titled ${quote(back.title)} (id ${back.id}) instead of ${quote(deck.title)}`,
    });
  }
  // Match cards by question (and occurrence) rather than position: one card splitting in
  // two must not make every later card look changed.
  const backByQuestion = new Map(keyedByQuestion(back.cards).map(({ key, card }) => [key, card]));
  for (const { key, card: before } of keyedByQuestion(deck.cards)) {
    const after = backByQuestion.get(key);
    const change = after === undefined ? 'its question would not come back as a question' : describeChange(before, after);
    if (change !== undefined) {
      losses.push({
        line: before.line,
        severity: 'warning',
        message: `card ${quote(before.question)} would not survive a text export unchanged (${change})`,
      });
    }
  }
  if (deck.cards.length !== back.cards.length) {
    losses.push({
      line: 0,
      severity: 'warning',
      message: `${deck.cards.length} cards would come back as ${back.cards.length}`,
    });
  }
  return losses.sort((a, b) => a.line - b.line);
}
