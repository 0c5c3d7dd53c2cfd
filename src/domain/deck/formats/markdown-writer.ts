/**
 * Writes Markdown line by line for the HTML converter (html-to-markdown.ts): paragraphs,
 * hard breaks, nested lists and quotes with their line prefixes, and inline marks
 * (bold, italics, strikethrough, links) that are opened lazily before the next word and
 * closed at the end of every line, so a mark never spans lines or blocks.
 *
 * Breaks are requested, not written: the strongest request since the last content wins
 * when the next content arrives, so `</div><div>` or `<br></li>` write one separator and a
 * break at the end of a field writes nothing. Every piece of text goes through
 * escapeMarkdownText unless the caller built it as Markdown on purpose (code spans).
 */
import { escapeMarkdownText } from './markdown-text.ts';

export type MarkKind = 'bold' | 'italic' | 'strike' | 'link';
const MARK_SYNTAX: Readonly<Record<Exclude<MarkKind, 'link'>, string>> = { bold: '**', italic: '*', strike: '~~' };

/** Lists and quotes nested deeper than this are flattened into the deepest level, keeping output proportional to input. */
export const MAX_NESTING = 8;

/** Pending separation before the next content, in increasing strength (plain numbers, not an enum, so Node can strip the types). */
export const Break = { None: 0, Newline: 1, Hard: 2, Blank: 3 } as const;
export type Break = (typeof Break)[keyof typeof Break];

type Container =
  | { kind: 'list'; ordered: boolean; count: number }
  | { kind: 'item'; marker: string; started: boolean }
  | { kind: 'quote' };

interface Mark {
  kind: MarkKind;
  /** Nested open tags of this kind (`<b><strong>`), closed when it falls back to 0. */
  depth: number;
  open: string;
  close: string;
  /** Whether `open` has been written on the current line. */
  emitted: boolean;
}

/**
 * Accumulates Markdown; `finish()` returns it.
 *
 * @example
 * const w = new MarkdownWriter();
 * w.words('a'); w.openMark('bold'); w.words('b'); w.closeMark('bold'); w.lineBreak(); w.words('c');
 * w.finish() // 'a**b**\\\nc'
 */
export class MarkdownWriter {
  private readonly lines: string[] = [];
  /** The current line's text after its prefix, or null when no line is open. */
  private line: string | null = null;
  private linePrefix = '';
  /** Items and quotes around the current line; a shallower next line may need a blank line. */
  private lineDepth = 0;
  private pending: Break = Break.None;
  private pendingSpace = false;
  private pendingCellSeparator = false;
  private readonly containers: Container[] = [];
  /** Lists and quotes past MAX_NESTING, and items inside them, are counted instead of nested. */
  private overflow = 0;
  private overflowItems = 0;
  private readonly marks: Mark[] = [];

  /** The Markdown written so far, without trailing blank lines. */
  finish(): string {
    this.endLine(false);
    while (this.lines.length > 0 && (this.lines[this.lines.length - 1] ?? '').trim() === '') this.lines.pop();
    return this.lines.join('\n');
  }

  /** Writes text with HTML whitespace rules: runs of spaces, tabs and line breaks become one space. */
  words(text: string): void {
    const collapsed = collapseSpaces(text, false);
    if (collapsed === '') return;
    // Spaces at either end are separators, written only if more content follows on the line.
    const leading = collapsed.charCodeAt(0) === 32;
    const trailing = collapsed.length > 1 && collapsed.charCodeAt(collapsed.length - 1) === 32;
    if (leading) this.pendingSpace = true;
    const inner = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    // One piece for the whole run: escaping works per character, and its line-start rule
    // looks only at the start, so this equals writing word after word.
    if (inner !== '') this.inline(inner, true);
    if (trailing) this.pendingSpace = true;
  }

  /** Writes a run of inline content: escaped text, or Markdown built here (`escape` false). */
  inline(content: string, escape: boolean): void {
    this.openLine();
    let line = this.line ?? '';
    if (this.pendingCellSeparator && line !== '') line += ' | ';
    else if (this.pendingSpace && line !== '') line += ' ';
    this.pendingCellSeparator = false;
    this.pendingSpace = false;
    for (const mark of this.marks) {
      if (!mark.emitted) {
        line += mark.open;
        mark.emitted = true;
      }
    }
    this.line = line + (escape ? escapeMarkdownText(content, line === '') : content);
  }

  // --- breaks and lines ---

  /** Asks for at least this separation before the next content. */
  request(kind: Break): void {
    if (kind > this.pending) this.pending = kind;
  }

  private insideItem(): boolean {
    for (const container of this.containers) if (container.kind === 'item') return true;
    return false;
  }

  /** Paragraph boundary: a blank line, but inside a list item a hard break keeps the list tight. */
  blockBreak(): void {
    this.request(this.insideItem() ? Break.Hard : Break.Blank);
  }

  /** `<br>`: a hard break; a second one in a row (outside lists) starts a new paragraph. */
  lineBreak(): void {
    if (this.line === null) return;
    this.request(this.pending >= Break.Hard && !this.insideItem() ? Break.Blank : Break.Hard);
  }

  private structuralDepth(): number {
    let depth = 0;
    for (const container of this.containers) if (container.kind !== 'list') depth++;
    return depth;
  }

  /** Makes sure a line is open for inline content, honouring the pending break. */
  private openLine(): void {
    if (this.line !== null && this.pending === Break.None) return;
    let startsItem = false;
    for (const container of this.containers) if (container.kind === 'item' && !container.started) startsItem = true;
    // Text after a nested list or quote needs a blank line, or it would continue the inner paragraph.
    if (!startsItem && this.line !== null && this.lineDepth > this.structuralDepth()) this.request(Break.Blank);
    this.endLine(this.pending === Break.Hard && !startsItem);
    if (this.pending === Break.Blank && this.lines.length > 0) this.lines.push(this.prefix(false).trimEnd());
    this.linePrefix = this.prefix(true);
    this.lineDepth = this.structuralDepth();
    this.line = '';
    this.pending = Break.None;
    this.pendingSpace = false;
    this.pendingCellSeparator = false;
  }

  /** Closes the open line (marks closed, to reopen on the next line), with a hard break if asked. */
  private endLine(hardBreak: boolean): void {
    if (this.line === null) return;
    let text = this.line;
    for (let i = this.marks.length - 1; i >= 0; i--) {
      const mark = this.marks[i];
      if (mark?.emitted) {
        text += mark.close;
        mark.emitted = false;
      }
    }
    this.lines.push(this.linePrefix + text + (hardBreak ? '\\' : ''));
    this.line = null;
  }

  /** Line prefix from the containers; `start` writes (and uses up) pending list markers. */
  private prefix(start: boolean): string {
    let prefix = '';
    for (const container of this.containers) {
      if (container.kind === 'quote') prefix += '> ';
      else if (container.kind === 'item') {
        if (start && !container.started) {
          container.started = true;
          prefix += container.marker;
        } else {
          prefix += ' '.repeat(container.marker.length);
        }
      }
    }
    return prefix;
  }

  /** Writes whole lines (a fence, a rule) as their own block. */
  blockLines(block: readonly string[]): void {
    const inItem = this.insideItem();
    this.endLine(false);
    if (!inItem && this.lines.length > 0) this.lines.push(this.prefix(false).trimEnd());
    block.forEach((text, index) => this.lines.push(this.prefix(index === 0) + text));
    this.pending = inItem ? Break.Newline : Break.Blank;
    this.lineDepth = this.structuralDepth();
  }

  // --- containers ---

  /** Lists and quotes around the current position (items excluded: each list adds at most one). */
  private nesting(): number {
    let nesting = 0;
    for (const container of this.containers) if (container.kind !== 'item') nesting++;
    return nesting;
  }

  /** `<ul>`/`<ol>`: separated from a paragraph by a blank line, from its parent item by a line break. */
  openList(ordered: boolean): void {
    if (this.overflow > 0 || this.nesting() >= MAX_NESTING) {
      this.overflow++;
      this.request(Break.Hard);
      return;
    }
    this.request(this.insideItem() ? Break.Newline : Break.Blank);
    this.containers.push({ kind: 'list', ordered, count: 0 });
  }

  /** Ends the innermost list (and any item still open in it). */
  closeList(): void {
    if (this.overflow > 0) {
      this.overflow--;
      return;
    }
    const index = findLastIndex(this.containers, (c) => c.kind === 'list');
    if (index < 0) return;
    this.containers.length = index;
    this.request(this.insideItem() ? Break.Newline : Break.Blank);
  }

  /** `<li>`: a new line starting with `- ` or `N. `; its continuation lines are indented to match. */
  openItem(): void {
    if (this.overflow > 0) {
      // Items of a list nested too deep still get their own line.
      this.overflowItems++;
      this.request(Break.Hard);
      return;
    }
    const innermost = this.containers[this.containers.length - 1];
    // An open item of the same list ends where the next one starts, as in HTML.
    if (innermost?.kind === 'item') this.containers.pop();
    const list = this.containers[this.containers.length - 1];
    if (list?.kind !== 'list') {
      // An item outside any list is just a line.
      if (this.line !== null) this.request(Break.Hard);
      return;
    }
    list.count++;
    this.containers.push({ kind: 'item', marker: list.ordered ? `${list.count}. ` : '- ', started: false });
    this.request(Break.Newline);
  }

  /** `</li>`: ends the innermost item, if it is one. */
  closeItem(): void {
    if (this.overflowItems > 0) {
      this.overflowItems--;
      return;
    }
    const innermost = this.containers[this.containers.length - 1];
    if (innermost?.kind === 'item') this.containers.pop();
  }

  /** `<blockquote>`: lines prefixed with `> ` until closeQuote. */
  openQuote(): void {
    this.blockBreak();
    if (this.overflow > 0 || this.nesting() >= MAX_NESTING) {
      this.overflow++;
      return;
    }
    this.containers.push({ kind: 'quote' });
  }

  /** Ends the innermost quote; a blank line follows so the next text is not pulled into it. */
  closeQuote(): void {
    if (this.overflow > 0) {
      this.overflow--;
      return;
    }
    const index = findLastIndex(this.containers, (c) => c.kind === 'quote');
    if (index < 0) return;
    this.containers.length = index;
    this.blockBreak();
  }

  // --- inline marks ---

  /** Opens bold, italics, strikethrough, or a link to `target` (an already safe URL). */
  openMark(kind: MarkKind, target = ''): void {
    const existing = this.marks.find((m) => m.kind === kind);
    if (existing !== undefined) {
      existing.depth++;
      return;
    }
    const open = kind === 'link' ? '[' : MARK_SYNTAX[kind];
    const close = kind === 'link' ? `](${target})` : MARK_SYNTAX[kind];
    this.marks.push({ kind, depth: 1, open, close, emitted: false });
  }

  /** Closes the mark of this kind, if open; an empty mark leaves no trace. */
  closeMark(kind: MarkKind): void {
    const index = this.marks.findIndex((m) => m.kind === kind);
    const mark = this.marks[index];
    if (mark === undefined || --mark.depth > 0) return;
    // Marks opened inside this one are closed first and reopened after it, keeping the nesting valid.
    for (let i = this.marks.length - 1; i >= index; i--) {
      const inner = this.marks[i];
      if (inner?.emitted && this.line !== null) {
        this.line += inner.close;
        inner.emitted = false;
      }
    }
    this.marks.splice(index, 1);
  }

  /** True while a mark of this kind is open. */
  hasMark(kind: MarkKind): boolean {
    return this.marks.some((m) => m.kind === kind);
  }

  /** The next cell of a table row is separated from the previous one by " | ". */
  cellSeparator(): void {
    this.pendingCellSeparator = true;
  }
}

/** A character to collapse other than a space, or two spaces in a row. */
const SPACES_TO_COLLAPSE = /[\t\n\f\r\u00a0]| {2}/;
/**
 * A run of HTML whitespace (space, tab, line feed, form feed, carriage return). A no-break
 * space counts as a space: Anki's editor scatters &nbsp; where plain spaces were meant.
 */
const SPACE_RUN = /[\t\n\f\r \u00a0]+/g;

/**
 * `text` with every run of HTML whitespace (and no-break spaces) as one space; with `trim`,
 * without any at either end. Returns `text` itself when there is nothing to change. Regular
 * expressions of one character class: linear, and much faster than a loop in JS.
 *
 * @example collapseSpaces(' a \n\t b ', false) // ' a b '
 * @example collapseSpaces(' a \n\t b ', true) // 'a b'
 */
export function collapseSpaces(text: string, trim: boolean): string {
  const collapsed = SPACES_TO_COLLAPSE.test(text) ? text.replace(SPACE_RUN, ' ') : text;
  if (!trim) return collapsed;
  const start = collapsed.charCodeAt(0) === 32 ? 1 : 0;
  const end = collapsed.length > start && collapsed.charCodeAt(collapsed.length - 1) === 32 ? collapsed.length - 1 : collapsed.length;
  return start === 0 && end === collapsed.length ? collapsed : collapsed.slice(start, end);
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && predicate(item)) return i;
  }
  return -1;
}
