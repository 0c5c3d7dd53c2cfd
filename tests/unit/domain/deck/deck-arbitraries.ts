/**
 * fast-check generators for deck tests: cards the text format can represent (see the rules
 * in src/domain/deck/parse.ts), their expected parse, their text in canonical and in
 * "messy" whitespace, and free-form line soup for robustness tests.
 */
import fc from 'fast-check';

export interface CardSpec {
  question: string;
  tags: string[];
  paragraph: string[];
  items: { depth: number; text: string }[];
}

export interface DeckSpec {
  title: string;
  cards: CardSpec[];
}

export interface Layout {
  eol: '\n' | '\r\n' | '\r';
  bom: boolean;
  /** Per line: extra blank lines before it, trailing whitespace, leading whitespace for non-items. */
  noise: { blankBefore: number; trailing: string; leading: string }[];
  marker: '-' | '*' | '•';
  indent: '  ' | '\t';
}

const WORDS = [
  'Zero', 'downtime', 'cache', 'SQS', 'queue', '“quoted”', '—', '<b>', 'a&b', '**bold**', '`code`',
  'café', 'Cafe\u0301', '日本語', 'X-Ray', 'user_id', '>', '10', 'ms', '#tag', '[link](x)', 'e.g.', '-', '*', '•',
];
const TAG_WORDS = ['Development', 'Deployments', 'Monitoring', 'X-Ray', 'Überblick', 'S3'];

const word = fc.constantFrom(...WORDS);
/** Text of 1–6 words; never starts with a list marker followed by a space. */
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => {
  const text = words.join(' ');
  return /^[-*•](\s|$)/u.test(text) ? `x${text}` : text;
});
const multiWordPlain = fc.tuple(phrase, phrase).map(([a, b]) => `${a} ${b}`.replace(/[?？؟]+$/u, '').concat(' now'));
const questionWithMark = phrase.map((text) => `${text}?`);
const paragraphLine = fc.oneof(phrase, fc.constantFrom('Free', 'Yes')).map((text) => text.replace(/[?？؟]+$/u, '') || 'x');
const itemText = fc.oneof({ weight: 8, arbitrary: phrase }, { weight: 1, arbitrary: fc.constant('') });

const answerShape = fc.record({
  kind: fc.constantFrom('items', 'items', 'items', 'lead-in', 'paragraph', 'empty'),
  tags: fc.array(fc.constantFrom(...TAG_WORDS), { maxLength: 2 }).map((tags) => [...new Set(tags)]),
  lead: phrase.map((text) => `${text.replace(/[?？؟]+$/u, '')}:`),
  paragraph: fc.array(paragraphLine, { minLength: 1, maxLength: 3 }),
  items: fc.array(fc.tuple(fc.nat(3), itemText), { minLength: 1, maxLength: 6 }),
});

const cardDraft = fc.record({ plain: fc.boolean(), withMark: questionWithMark, plainText: multiWordPlain, answer: answerShape });

/** Decks of 1–8 cards that the format can represent exactly. */
export const deckSpec: fc.Arbitrary<DeckSpec> = fc
  .record({ title: fc.tuple(phrase, phrase).map(([a, b]) => `${a} ${b} deck`), drafts: fc.array(cardDraft, { minLength: 1, maxLength: 8 }) })
  .map(({ title, drafts }) => {
    const cards: CardSpec[] = [];
    for (const draft of drafts) {
      const { answer } = draft;
      let depth = -1;
      const items =
        answer.kind === 'items' || answer.kind === 'lead-in'
          ? answer.items.map(([wanted, text]) => {
              depth = Math.min(wanted, depth + 1);
              return { depth, text };
            })
          : [];
      const paragraph = answer.kind === 'paragraph' ? answer.paragraph : answer.kind === 'lead-in' ? [answer.lead] : [];
      const tags = answer.kind === 'items' ? answer.tags : [];
      const previous = cards.at(-1);
      // Rule 3: a question without "?" is read as one only after list items, at the start,
      // or after a paragraph answer when its own answer starts with answer content.
      const plainAllowed =
        previous === undefined ||
        previous.items.length > 0 ||
        (previous.paragraph.length > 0 && paragraph.length === 0 && items.length > 0);
      const question = draft.plain && plainAllowed ? draft.plainText : draft.withMark;
      cards.push({ question, tags, paragraph, items });
    }
    return { title, cards };
  });

/** The answer Markdown parse() should produce for a card. */
export function expectedAnswer(card: CardSpec): string {
  const items = card.items.map(({ depth, text }) => `${'  '.repeat(depth)}- ${text}`.trimEnd());
  return [...card.paragraph, ...items].join('\n');
}

/** Source lines of a deck; items carry their depth so a layout can indent them its own way. */
function sourceLines(spec: DeckSpec): { text: string; depth: number | null }[] {
  const lines: { text: string; depth: number | null }[] = [{ text: spec.title, depth: null }];
  for (const card of spec.cards) {
    lines.push({ text: card.question, depth: null });
    for (const tag of card.tags) lines.push({ text: tag, depth: null });
    for (const text of card.paragraph) lines.push({ text, depth: null });
    for (const item of card.items) lines.push({ text: item.text, depth: item.depth });
  }
  return lines;
}

export function renderDeck(spec: DeckSpec, layout?: Layout): string {
  const lines = sourceLines(spec);
  const out: string[] = [];
  lines.forEach(({ text, depth }, index) => {
    const noise = layout?.noise[index % Math.max(1, layout.noise.length)] ?? { blankBefore: 0, trailing: '', leading: '' };
    for (let i = 0; i < noise.blankBefore; i++) out.push(noise.trailing);
    if (depth === null) {
      out.push(`${noise.leading}${text}${noise.trailing}`);
    } else {
      const indent = (layout?.indent ?? '  ').repeat(depth);
      const marker = layout?.marker ?? '-';
      out.push(`${indent}${marker}${text === '' ? '' : ` ${text}`}${noise.trailing}`);
    }
  });
  const body = out.join(layout?.eol ?? '\n');
  return layout?.bom ? `\uFEFF${body}` : body;
}

export const layout: fc.Arbitrary<Layout> = fc.record({
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  noise: fc.array(
    fc.record({
      blankBefore: fc.nat(2),
      trailing: fc.constantFrom('', ' ', '  ', '\t', ' \t '),
      leading: fc.constantFrom('', ' ', '\t', '   '),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  marker: fc.constantFrom('-', '*', '•'),
  indent: fc.constantFrom('  ', '\t'),
});

/** Line soup: arbitrary mixes of the format's building blocks plus arbitrary strings. */
export const lineSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('', ' ', 'Title', 'Development', 'Free', 'What is it?', 'Describe it', '- item', '  - nested', '\t* star', '• dot', '-', '?', 'x?', '\uFEFF'),
      fc.tuple(fc.constantFrom('', '- ', '  - ', 'Q ', '\t'), phrase, fc.constantFrom('', '?', ' ', '\t')).map(([a, b, c]) => a + b + c),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
    { maxLength: 40 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)));
