/**
 * Topics: what a card is about, derived from a deck's keyword map (`<deck>.topics.json`),
 * so a person can study or browse "everything on SQS" across cards written in free text.
 *
 * Matching rule: a card gets every topic with a keyword found in its question; only when the
 * question matches no topic is the answer searched instead (an answer mentions many services
 * in passing; the question says what the card is about). A keyword matches case-insensitively
 * on word boundaries (no letter or digit directly before or after it), also in its plural with
 * a trailing "s" ("Lambdas", "ASGs"); a space inside a keyword matches any run of whitespace.
 * Topics come out in the order the map lists them.
 */
import type { DeckCard, Diagnostic } from './types.ts';

/** The JSON shape of a topic map: topic name -> keywords or phrases. */
export interface TopicMap {
  topics: Record<string, string[]>;
}

const ALLOWED_TOP_LEVEL_KEYS = new Set(['topics', '$comment', 'description']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks untrusted JSON against the TopicMap shape. `value` is the cleaned map (keywords
 * trimmed, blanks and repeats dropped) or null when there are errors. Diagnostics use line 0
 * (they concern the map file, named by `source` in each message).
 *
 * @example
 * validateTopicMap({ topics: { SQS: ['SQS', 'queue'] } }).value // { topics: { SQS: ['SQS', 'queue'] } }
 * validateTopicMap({ topics: { SQS: 'SQS' } }).diagnostics[0]?.severity // 'error'
 */
export function validateTopicMap(json: unknown, source = 'topic map'): { value: TopicMap | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], message: string): void => {
    diagnostics.push({ line: 0, severity, message: `${source}: ${message}` });
  };
  if (!isRecord(json)) {
    report('error', 'must be a JSON object like { "topics": { "SQS": ["SQS", "queue"] } }');
    return { value: null, diagnostics };
  }
  for (const key of Object.keys(json)) {
    if (!ALLOWED_TOP_LEVEL_KEYS.has(key)) report('warning', `unknown key "${key}" is ignored`);
  }
  const topics = json['topics'];
  if (!isRecord(topics)) {
    report('error', '"topics" must be an object mapping each topic name to a list of keywords');
    return { value: null, diagnostics };
  }
  const cleaned: Record<string, string[]> = {};
  let hasErrors = false;
  for (const [name, keywords] of Object.entries(topics)) {
    if (name.trim() === '') report('warning', 'a topic with an empty name is ignored');
    if (!Array.isArray(keywords) || !keywords.every((keyword): keyword is string => typeof keyword === 'string')) {
      report('error', `topic "${name}" must be a list of keyword strings`);
      hasErrors = true;
      continue;
    }
    const kept: string[] = [];
    const seen = new Set<string>();
    for (const keyword of keywords) {
      const trimmed = keyword.trim();
      const folded = trimmed.toLowerCase();
      if (trimmed === '') report('warning', `topic "${name}" has an empty keyword; it is ignored`);
      else if (seen.has(folded)) report('warning', `topic "${name}" lists "${trimmed}" twice`);
      else {
        seen.add(folded);
        kept.push(trimmed);
      }
    }
    if (kept.length === 0) report('warning', `topic "${name}" has no keywords, so no card can get it`);
    if (name.trim() !== '') cleaned[name.trim()] = kept;
  }
  return { value: hasErrors ? null : { topics: cleaned }, diagnostics };
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** One case-insensitive, boundary-anchored pattern per topic; null for a topic without keywords. */
function compileTopic(keywords: readonly string[]): RegExp | null {
  if (keywords.length === 0) return null;
  const alternatives = keywords.map((keyword) => escapeRegExp(keyword).replace(/\s+/gu, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})s?(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Returns the cards with `topics` filled from the map (see the matching rule above); the
 * input cards are not modified.
 *
 * @example
 * const [card] = assignTopics([sqsCard], { topics: { SQS: ['SQS'], Lambda: ['Lambda'] } });
 * card?.topics // ['SQS'] for the question "What is SQS?"
 */
export function assignTopics(cards: readonly DeckCard[], topicMap: TopicMap): DeckCard[] {
  const compiled = Object.entries(topicMap.topics).map(([name, keywords]) => ({ name, pattern: compileTopic(keywords) }));
  const matching = (text: string): string[] =>
    compiled.filter(({ pattern }) => pattern !== null && pattern.test(text)).map(({ name }) => name);
  return cards.map((card) => {
    const fromQuestion = matching(card.question);
    return { ...card, topics: fromQuestion.length > 0 ? fromQuestion : matching(card.answer) };
  });
}
