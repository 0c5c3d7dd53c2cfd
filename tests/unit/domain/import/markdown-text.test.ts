import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../../src/domain/deck/formats/html-entities.ts';
import { looksLikeHtml, tokenizeHtml } from '../../../../src/domain/deck/formats/html-tokenizer.ts';
import { escapeMarkdownText, plainTextToMarkdown } from '../../../../src/domain/deck/formats/markdown-text.ts';
import { activeContent, nodeTypes, visibleText } from './markdown-inspect.ts';

// Property tests parse hundreds of inputs; on a busy 2-core machine that can pass the 5 s default.
const PROPERTY_TIMEOUT = 60_000;

describe('escapeMarkdownText', () => {
  it('escapes inline syntax', () => {
    expect(escapeMarkdownText('2*3 <b> [x](y) a_b `c` ~d~ |e| \\f &copy; & g')).toBe('2\\*3 \\<b> \\[x\\](y) a\\_b \\`c\\` \\~d\\~ \\|e\\| \\\\f \\&copy; & g');
  });

  it('escapes block starters only at the start of a line', () => {
    expect(escapeMarkdownText('# h', true)).toBe('\\# h');
    expect(escapeMarkdownText('12) item', true)).toBe('12\\) item');
    expect(escapeMarkdownText('> quote', true)).toBe('\\> quote');
    expect(escapeMarkdownText('a # b > c', true)).toBe('a # b > c');
    expect(escapeMarkdownText('# h')).toBe('# h');
  });

  it('reads back as exactly the original text, whatever the line holds', () => {
    const line = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
      // Control characters are not text a card could hold; the Markdown parser replaces NUL.
      // eslint-disable-next-line no-control-regex
      .map((s) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '').trim())
      .filter((s) => s !== '');
    fc.assert(fc.property(line, (text) => {
      const md = escapeMarkdownText(text, true);
      expect(visibleText(md)).toBe(text);
      expect(activeContent(md)).toEqual([]);
    }), { numRuns: 500 });
  }, PROPERTY_TIMEOUT);

  it('reads back exactly for lines made of Markdown punctuation', () => {
    const line = fc.string({ unit: fc.constantFrom(...'#>-+=*_`~|[]()<>!&\\ 1.)a'.split('')), minLength: 1, maxLength: 20 })
      .map((s) => s.trim())
      .filter((s) => s !== '');
    fc.assert(fc.property(line, (text) => {
      expect(visibleText(escapeMarkdownText(text, true))).toBe(text);
    }), { numRuns: 500 });
  }, PROPERTY_TIMEOUT);
});

describe('plainTextToMarkdown', () => {
  it('keeps line breaks as hard breaks and blank lines as paragraphs', () => {
    const md = plainTextToMarkdown('a*b\r\nc\n\n\n  d  ');
    expect(md).toBe('a\\*b\\\nc\n\nd');
    expect(nodeTypes(md)).toEqual(['root', 'paragraph', 'text', 'break', 'text', 'paragraph', 'text']);
  });

  it('keeps HTML as visible text', () => {
    const md = plainTextToMarkdown('<b>not bold</b>\n<script>alert(1)</script>');
    expect(visibleText(md)).toBe('<b>not bold</b><script>alert(1)</script>');
    expect(activeContent(md)).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&nbsp;&#65;&#x42;&#X43;&alpha;&Omega;&sigmaf;&rarr;')).toBe('<>&"\'\u00a0ABCαΩς→');
  });

  it('accepts a numeric reference without ; and replaces invalid code points', () => {
    expect(decodeEntities('&#65x &#0; &#xD800; &#99999999999;')).toBe('Ax \ufffd \ufffd \ufffd');
  });

  it('keeps unknown or malformed references as written', () => {
    expect(decodeEntities('&unknown; &amp &#; &#x; a & b &;')).toBe('&unknown; &amp &#; &#x; a & b &;');
  });
});

describe('tokenizeHtml', () => {
  it('reads tags, attributes (quoted, unquoted, bare) and text', () => {
    const tokens = tokenizeHtml('a<A HREF="x&amp;y" data-x=1 hidden>b</a ><br/>');
    expect(tokens).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'open', name: 'a', attributes: new Map([['href', 'x&y'], ['data-x', '1'], ['hidden', '']]), selfClosing: false },
      { kind: 'text', text: 'b' },
      { kind: 'close', name: 'a' },
      { kind: 'open', name: 'br', attributes: new Map(), selfClosing: true },
    ]);
  });

  it('treats script content as raw text, ending at the first </script>', () => {
    expect(tokenizeHtml('<script>if (a<b) x("</div>")</script >after').map((t) => t.kind)).toEqual(['open', 'close', 'text']);
  });

  it('drops everything after a tag or comment that never ends', () => {
    expect(tokenizeHtml('ok<a title="x>y')).toEqual([{ kind: 'text', text: 'ok' }]);
    expect(tokenizeHtml('ok<!-- forever')).toEqual([{ kind: 'text', text: 'ok' }]);
    expect(tokenizeHtml('ok<script>alert(1)')).toHaveLength(3);
  });
});

describe('looksLikeHtml', () => {
  it('spots tags and entities but not comparisons', () => {
    expect(looksLikeHtml('a<br>b')).toBe(true);
    expect(looksLikeHtml('x</div>')).toBe(true);
    expect(looksLikeHtml('fish &amp; chips')).toBe(true);
    expect(looksLikeHtml('1 < 2 & 3 > 2')).toBe(false);
    expect(looksLikeHtml('a <b\nc> d')).toBe(false);
    expect(looksLikeHtml('<a <b> c')).toBe(true);
  });
});
