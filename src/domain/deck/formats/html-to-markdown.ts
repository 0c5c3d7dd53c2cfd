/**
 * Anki field HTML -> safe Markdown, without a DOM, in linear time.
 *
 * What it keeps: paragraphs (`<div>`, `<p>`, headings as bold paragraphs), line breaks
 * (`<br>` -> a backslash hard break, which react-markdown renders as `<br>`; two in a row
 * start a new paragraph), lists (`<ul>`/`<ol>`/`<li>`, nested by indentation), quotes,
 * `<pre>` as fenced code, bold, italics, strikethrough, inline code, http(s) links, and an
 * image's alt text. Table rows become lines with cells separated by " | ".
 *
 * What it removes: every tag (nothing is ever shown as a tag), `<script>`/`<style>` and
 * similar elements together with their content, and links to anything but http(s) — their
 * text stays, the `javascript:`/`data:` target does not. Text is escaped (markdown-text.ts)
 * so that no Markdown or raw HTML can come out of it; the only links in the output are the
 * ones written here.
 *
 * Tokens come from html-tokenizer.ts; lines, lists and marks are written by
 * markdown-writer.ts. This module maps elements to those operations.
 */
import { type HtmlSink, scanHtml } from './html-tokenizer.ts';
import { Break, collapseSpaces, MarkdownWriter, type MarkKind } from './markdown-writer.ts';
import { escapeMarkdownText } from './markdown-text.ts';

/** Elements dropped together with everything inside them. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'head', 'title', 'audio', 'video', 'canvas', 'select']);
/** Elements that separate paragraphs. */
const BLOCKS = new Set(['address', 'article', 'aside', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'main', 'nav', 'p', 'section', 'summary', 'table']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CODE = new Set(['code', 'tt', 'kbd', 'samp']);
const MARK_OF: Readonly<Record<string, Exclude<MarkKind, 'link'>>> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', cite: 'italic', dfn: 'italic', var: 'italic',
  s: 'strike', del: 'strike', strike: 'strike',
};

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
const HTTP_URL = /^https?:\/\/[^/\s]/i;
/** Characters that would end or break a Markdown link target. */
const UNSAFE_IN_LINK = /[\s()<>\\`]/;
const UNSAFE_IN_LINKS = new RegExp(UNSAFE_IN_LINK.source, 'g');

/**
 * The link target when it is an absolute http(s) URL, made safe for `[text](url)`;
 * undefined for anything else (`javascript:`, `data:`, relative paths, garbage).
 *
 * @example safeLinkTarget(' https://a.example/x y ') // 'https://a.example/x%20y'
 * @example safeLinkTarget('java\tscript:alert(1)') // undefined
 */
export function safeLinkTarget(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  // Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
  const trimmed = href.trim();
  const url = CONTROL_CHARACTER.test(trimmed) ? trimmed.replace(CONTROL_CHARACTERS, '') : trimmed;
  if (!HTTP_URL.test(url)) return undefined;
  // Tested first: a replace that finds nothing, the usual case, costs far more than a test.
  return UNSAFE_IN_LINK.test(url) ? url.replace(UNSAFE_IN_LINKS, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) : url;
}


function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** Receives the tags and text of a field (html-tokenizer.ts) and writes them to a MarkdownWriter. */
class HtmlConverter implements HtmlSink {
  readonly writer = new MarkdownWriter();
  /** An element being dropped with its content; nested ones of the same name are counted. */
  private drop: { name: string; depth: number } | undefined;
  /** Text of an open `<code>` (whitespace collapsed later) or `<pre>` (kept verbatim). */
  private code: { tag: string; text: string } | undefined;
  private pre: { text: string } | undefined;

  text(text: string): void {
    if (this.drop !== undefined) return;
    if (this.pre !== undefined) this.pre.text += text;
    else if (this.code !== undefined) this.code.text += text;
    else this.writer.words(text);
  }

  open(name: string, attributes: ReadonlyMap<string, string>, selfClosing: boolean): void {
    if (this.drop !== undefined) {
      if (name === this.drop.name && !selfClosing) this.drop.depth++;
      return;
    }
    if (DROPPED.has(name)) {
      if (!selfClosing) this.drop = { name, depth: 1 };
      return;
    }
    // Inside code, markup only matters for the line breaks it implies.
    if (this.pre !== undefined) {
      if (name === 'br' || BLOCKS.has(name)) this.pre.text += '\n';
      return;
    }
    if (this.code !== undefined) {
      if (name === 'br' || BLOCKS.has(name)) this.code.text += ' ';
      return;
    }
    const w = this.writer;
    if (name === 'br') w.lineBreak();
    else if (name === 'img') w.words(` ${attributes.get('alt') ?? ''} `);
    else if (name === 'hr') w.blockLines(['***']);
    else if (name === 'pre') {
      w.blockBreak();
      this.pre = { text: '' };
    } else if (CODE.has(name)) this.code = { tag: name, text: '' };
    else if (name === 'ul' || name === 'ol') w.openList(name === 'ol');
    else if (name === 'li') w.openItem();
    else if (name === 'blockquote') w.openQuote();
    else if (name === 'tr') w.request(Break.Hard);
    else if (name === 'td' || name === 'th') w.cellSeparator();
    else if (name === 'a') this.openLink(attributes.get('href'));
    else if (HEADINGS.has(name)) {
      w.blockBreak();
      w.openMark('bold');
    } else if (BLOCKS.has(name)) w.blockBreak();
    else {
      const kind = MARK_OF[name];
      if (kind !== undefined) w.openMark(kind);
    }
  }

  close(name: string): void {
    if (this.drop !== undefined) {
      if (name === this.drop.name && --this.drop.depth === 0) this.drop = undefined;
      return;
    }
    if (this.pre !== undefined) {
      if (name === 'pre') this.closePre();
      else if (BLOCKS.has(name)) this.pre.text += '\n';
      return;
    }
    if (this.code !== undefined) {
      if (name === this.code.tag) this.closeCode();
      else if (BLOCKS.has(name)) this.code.text += ' ';
      return;
    }
    const w = this.writer;
    if (name === 'ul' || name === 'ol') w.closeList();
    else if (name === 'li') w.closeItem();
    else if (name === 'blockquote') w.closeQuote();
    else if (name === 'a') w.closeMark('link');
    else if (HEADINGS.has(name)) {
      w.closeMark('bold');
      w.blockBreak();
    } else if (BLOCKS.has(name)) w.blockBreak();
    else {
      const kind = MARK_OF[name];
      if (kind !== undefined) w.closeMark(kind);
    }
  }

  private openLink(href: string | undefined): void {
    // A nested anchor only deepens the open link, so its `</a>` does not end the outer one.
    if (this.writer.hasMark('link')) {
      this.writer.openMark('link');
      return;
    }
    // Anything but an http(s) target keeps only its text.
    const target = safeLinkTarget(href);
    if (target !== undefined) this.writer.openMark('link', target);
  }

  private closeCode(): void {
    const text = this.code?.text.replace(/\s+/g, ' ').trim() ?? '';
    this.code = undefined;
    if (text === '') return;
    // Code spans cannot be escaped inside: a fence longer than any backtick run delimits them.
    const fence = '`'.repeat(longestRun(text, '`') + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    this.writer.inline(`${fence}${pad}${text}${pad}${fence}`, false);
  }

  private closePre(): void {
    // Like browsers, drop one line break right after <pre>; trailing blank lines add nothing.
    // (trimEnd, not /\s+$/: that regex backtracks quadratically over long runs of spaces.)
    const text = (this.pre?.text ?? '').replace(/^\n/, '').trimEnd();
    this.pre = undefined;
    if (text === '') return;
    const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
    this.writer.blockLines([fence, ...text.split('\n'), fence]);
  }
}

/**
 * Converts field HTML to Markdown that shows the same content and cannot run anything.
 * Never throws; linear in the input.
 *
 * @example htmlToMarkdown('<b>SQS</b> is a <i>queue</i><br>Managed') // '**SQS** is a *queue*\\\nManaged'
 * @example htmlToMarkdown('<ul><li>a<ul><li>b</li></ul></li></ul>') // '- a\n  - b'
 * @example htmlToMarkdown('<a href="javascript:alert(1)">x</a><script>alert(2)</script>') // 'x'
 */
export function htmlToMarkdown(html: string): string {
  // No tag and no character reference: the field is words, which is what most fields are.
  // Written directly, the result is the same as the writer's: one line, spaces collapsed,
  // nothing when the line is blank (finish() drops blank lines at the end).
  if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
    const line = escapeMarkdownText(collapseSpaces(html, true), true);
    return line.trim() === '' ? '' : line;
  }
  const converter = new HtmlConverter();
  scanHtml(html, converter);
  return converter.writer.finish();
}
