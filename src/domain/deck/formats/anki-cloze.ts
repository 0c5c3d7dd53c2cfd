/**
 * Anki cloze notes (`{{c1::Paris}} is the capital of France`) as one question/answer card.
 *
 * Anki makes one card per cloze number; we make one card per note with every deletion
 * hidden in the question (`[…]`, or `[hint]` when the deletion has one) and shown in bold
 * in the answer. Runs on the Markdown of the field, after HTML conversion; a single
 * forward scan, so it is linear.
 */

export interface ClozeCard {
  question: string;
  answer: string;
}

const OPEN = '{{c';

/**
 * Parses the deletion starting at `at` (which holds `{{c`): undefined when it is not one,
 * 'unclosed' when no `}}` follows anywhere (so no later deletion can close either).
 */
function readDeletion(text: string, at: number): { content: string; hint: string | undefined; end: number } | 'unclosed' | undefined {
  let i = at + OPEN.length;
  const digitsStart = i;
  while (i < text.length && i - digitsStart < 4 && /[0-9]/.test(text[i] ?? '')) i++;
  if (i === digitsStart || !text.startsWith('::', i)) return undefined;
  const close = text.indexOf('}}', i + 2);
  if (close < 0) return 'unclosed';
  const body = text.slice(i + 2, close);
  const hintAt = body.indexOf('::');
  return hintAt < 0
    ? { content: body, hint: undefined, end: close + 2 }
    : { content: body.slice(0, hintAt), hint: body.slice(hintAt + 2), end: close + 2 };
}

/**
 * The question and answer of a cloze field, or undefined when it has no deletion.
 *
 * @example
 * clozeCard('{{c1::Paris}} is in {{c2::France::country}}')
 * // { question: '\\[…\\] is in \\[country\\]', answer: '**Paris** is in **France**' }
 */
export function clozeCard(markdown: string): ClozeCard | undefined {
  let question = '';
  let answer = '';
  let copied = 0;
  let found = false;
  let at = markdown.indexOf(OPEN);
  while (at >= 0) {
    const deletion = readDeletion(markdown, at);
    if (deletion === 'unclosed') break;
    if (deletion === undefined) {
      at = markdown.indexOf(OPEN, at + 1);
      continue;
    }
    found = true;
    const before = markdown.slice(copied, at);
    const hint = deletion.hint?.trim();
    question += `${before}\\[${hint === undefined || hint === '' ? '…' : hint}\\]`;
    const content = deletion.content.trim();
    answer += before + (content === '' ? '' : `**${content}**`);
    copied = deletion.end;
    at = markdown.indexOf(OPEN, deletion.end);
  }
  if (!found) return undefined;
  const rest = markdown.slice(copied);
  return { question: question + rest, answer: answer + rest };
}
