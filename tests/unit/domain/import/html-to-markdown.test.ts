import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, safeLinkTarget } from '../../../../src/domain/deck/formats/html-to-markdown.ts';
import { activeContent, nodeTypes, nodesOf, parseMarkdown, visibleText } from './markdown-inspect.ts';

// Property tests parse hundreds of inputs; on a busy 2-core machine that can pass the 5 s default.
const PROPERTY_TIMEOUT = 60_000;

describe('htmlToMarkdown: formatting', () => {
  it('turns bold, italics, strikethrough and inline code into Markdown', () => {
    expect(htmlToMarkdown('<b>SQS</b> is a <i>queue</i>, <strong>not</strong> <em>a</em> <s>topic</s> <code>x`y</code>'))
      .toBe('**SQS** is a *queue*, **not** *a* ~~topic~~ ``x`y``');
  });

  it('keeps spaces outside emphasis markers so the markers still work', () => {
    const md = htmlToMarkdown('a<b> bold </b>b');
    expect(md).toBe('a **bold** b');
    expect(nodeTypes(md)).toContain('strong');
  });

  it('closes and reopens marks around misnested tags, keeping valid Markdown', () => {
    const md = htmlToMarkdown('<b>bold <i>both</b> italic</i> plain');
    expect(visibleText(md)).toBe('bold both italic plain');
    expect(nodeTypes(md)).toEqual(expect.arrayContaining(['strong', 'emphasis']));
  });

  it('writes nothing for empty formatting and treats nested same tags as one', () => {
    expect(htmlToMarkdown('a<b></b>b <b><strong>x</strong></b>')).toBe('ab **x**');
  });

  it('makes headings bold paragraphs', () => {
    expect(htmlToMarkdown('<h2>Title</h2>text')).toBe('**Title**\n\ntext');
  });
});

describe('htmlToMarkdown: line breaks and paragraphs', () => {
  it('turns <br> into a hard line break that the renderer shows as a break', () => {
    const md = htmlToMarkdown('A queue<br>Managed<br/>Cheap');
    expect(md).toBe('A queue\\\nManaged\\\nCheap');
    expect(nodeTypes(md).filter((t) => t === 'break')).toHaveLength(2);
  });

  it('turns two <br> in a row into a new paragraph and drops breaks at the edges', () => {
    expect(htmlToMarkdown('<br>x<br><br>y<br>')).toBe('x\n\ny');
  });

  it('makes <div> and <p> separate paragraphs, as Anki’s editor writes lines', () => {
    const md = htmlToMarkdown('Intro<div>line two</div><div><br></div><p>line three</p>');
    expect(md).toBe('Intro\n\nline two\n\nline three');
    expect(nodeTypes(md).filter((t) => t === 'paragraph')).toHaveLength(3);
  });

  it('collapses whitespace and &nbsp; like a browser', () => {
    expect(htmlToMarkdown('  a \n\t b&nbsp;&nbsp;c  ')).toBe('a b c');
  });
});

describe('htmlToMarkdown: lists', () => {
  it('keeps unordered and ordered lists as lists', () => {
    expect(htmlToMarkdown('<ul><li>one</li><li>two</li></ul>')).toBe('- one\n- two');
    expect(htmlToMarkdown('<ol><li>one</li><li>two</li></ol>')).toBe('1. one\n2. two');
  });

  it('nests lists by indentation under their item', () => {
    const md = htmlToMarkdown('<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>');
    expect(md).toBe('- a\n  - b\n    1. c\n- d');
    const lists = nodesOf(parseMarkdown(md)).filter((n) => n.type === 'list');
    expect(lists).toHaveLength(3);
  });

  it('indents items of an ordered list by the width of their marker', () => {
    expect(htmlToMarkdown('<ol><li>x<ul><li>y</li></ul></li></ol>')).toBe('1. x\n   - y');
  });

  it('keeps an item with several lines tight, with hard breaks', () => {
    expect(htmlToMarkdown('<ol><li><div>p1</div><div>p2</div></li><li>two</li></ol>')).toBe('1. p1\\\n   p2\n2. two');
  });

  it('separates a list from the paragraphs around it', () => {
    const md = htmlToMarkdown('Intro<ul><li>x</li></ul>After');
    expect(md).toBe('Intro\n\n- x\n\nAfter');
    expect(nodeTypes(md)).toEqual(['root', 'paragraph', 'text', 'list', 'listItem', 'paragraph', 'text', 'paragraph', 'text']);
  });

  it('closes an open <li> when the next one starts, as HTML does', () => {
    expect(htmlToMarkdown('<ul><li>a<li>b</ul>')).toBe('- a\n- b');
  });

  it('keeps text after a nested list in the outer item, not in the inner one', () => {
    const md = htmlToMarkdown('<ul><li>a<ul><li>b</li></ul>c</li></ul>');
    const items = nodesOf(parseMarkdown(md)).filter((n) => n.type === 'listItem');
    expect(visibleText(md)).toBe('abc');
    expect(items.map((item) => item.children?.length)).toEqual([3, 1]);
  });

  it('stops indenting past eight levels, so output stays proportional to input', () => {
    const depth = 5000;
    const html = '<ul><li>x'.repeat(depth) + '</li></ul>'.repeat(depth);
    const md = htmlToMarkdown(html);
    expect(md.length).toBeLessThan(html.length * 3);
    expect(md.split('\n')).toHaveLength(depth);
  });
});

describe('htmlToMarkdown: links, images, code, quotes, tables', () => {
  it('keeps http(s) links as Markdown links, encoding spaces and parentheses', () => {
    expect(htmlToMarkdown('see <a href="https://docs.aws.amazon.com/sqs (v2)">the <b>docs</b></a>'))
      .toBe('see [the **docs**](https://docs.aws.amazon.com/sqs%20%28v2%29)');
  });

  it('keeps only the text of links to anything else', () => {
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox', '/relative', '#top', 'mailto:a@b.c', 'file:///etc/passwd', 'http:/missing-slash']) {
      expect(htmlToMarkdown(`<a href="${href}">x</a>`)).toBe('x');
    }
  });

  it('writes an empty link as nothing', () => {
    expect(htmlToMarkdown('a<a href="https://e.com"></a>b')).toBe('ab');
  });

  it('replaces an image with its alt text, or nothing', () => {
    expect(htmlToMarkdown('<img src="cat.jpg" alt="A *cat*">!')).toBe('A \\*cat\\* !');
    expect(htmlToMarkdown('x<img src="paste-123.jpg">y')).toBe('x y');
  });

  it('turns <pre> into a fenced code block, keeping its lines', () => {
    const md = htmlToMarkdown('<pre><code>if (a &lt; b) {\n  go();\n}</code></pre>after');
    expect(md).toBe('```\nif (a < b) {\n  go();\n}\n```\n\nafter');
    const code = nodesOf(parseMarkdown(md)).find((n) => n.type === 'code');
    expect(code?.value).toBe('if (a < b) {\n  go();\n}');
  });

  it('uses a longer fence when the code contains backticks', () => {
    expect(htmlToMarkdown('<pre>```</pre>')).toBe('````\n```\n````');
  });

  it('keeps a blockquote as a quote', () => {
    const md = htmlToMarkdown('<blockquote>q1<br>q2</blockquote>after');
    expect(md).toBe('> q1\\\n> q2\n\nafter');
    expect(nodeTypes(md)).toContain('blockquote');
  });

  it('writes table rows as lines with cells separated by " | "', () => {
    expect(htmlToMarkdown('<table><tr><th>a</th><th>b</th></tr><tr><td>c</td><td>d</td></tr></table>')).toBe('a | b\\\nc | d');
  });
});

describe('htmlToMarkdown: text stays text', () => {
  it('decodes entities', () => {
    expect(visibleText(htmlToMarkdown('Tom &amp; Jerry &quot;&#39;&#x263A;&#9731;&hellip; &eacute;'))).toBe('Tom & Jerry "\'☺☃… &eacute;');
  });

  it('escapes Markdown in text so it cannot become formatting', () => {
    const md = htmlToMarkdown('1. not a list<br># not a heading<br>- not an item<br>*not italic* [not](a link) `not code` ~~no~~');
    expect(visibleText(md)).toBe('1. not a list# not a heading- not an item*not italic* [not](a link) `not code` ~~no~~');
    expect(nodeTypes(md)).toEqual(['root', 'paragraph', 'text', 'break', 'text', 'break', 'text', 'break', 'text']);
  });

  it('shows escaped tags as text and never as HTML', () => {
    const md = htmlToMarkdown('&lt;b&gt;bold?&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(visibleText(md)).toBe('<b>bold?</b> <script>alert(1)</script>');
    expect(activeContent(md)).toEqual([]);
  });

  it('keeps a lone < as text, like a browser', () => {
    expect(visibleText(htmlToMarkdown('1 < 2 and 3 <= 4'))).toBe('1 < 2 and 3 <= 4');
  });

  it('drops tags whose > never comes, instead of showing them', () => {
    expect(htmlToMarkdown('a<b')).toBe('a');
    expect(htmlToMarkdown('a<img src="x onerror=alert(1)>')).toBe('a');
  });

  it('drops comments, doctypes and processing instructions', () => {
    expect(htmlToMarkdown('a<!-- <script>alert(1)</script> -->b<!DOCTYPE html><?xml x?>c<!-->d')).toBe('abcd');
  });

  it('strips unknown tags and attributes, even with > inside quoted values', () => {
    expect(htmlToMarkdown('<span style="color: red" title="a>b">x</span><font color=red>y</font>')).toBe('xy');
  });
});

// Every string here tries to run script; none may leave anything active behind.
const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<script/>alert(1)</script>',
  '<script>alert(1)',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)" alt="">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover</div>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<object data="javascript:alert(1)">',
  '<a href=javascript:alert(1)>x</a>',
  '<<script>alert(1)//<</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<textarea><script>alert(1)</script></textarea>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '[x](javascript:alert(1)) <x@evil> <javascript:alert(1)>',
  '&lt;img src=x onerror=alert(1)&gt;',
];

describe('htmlToMarkdown: XSS corpus', () => {
  it.each(XSS_CORPUS)('leaves nothing active: %s', (html) => {
    const md = htmlToMarkdown(html);
    expect(activeContent(md)).toEqual([]);
    // No raw `<tag` survives in the Markdown source: every `<` is escaped.
    expect(md).not.toMatch(/(^|[^\\])<[a-z/!?]/i);
  });

  it('keeps no script and no event handler, even as text, when they came from tags', () => {
    for (const html of XSS_CORPUS.slice(0, 21)) {
      const shown = visibleText(htmlToMarkdown(html));
      expect(shown).not.toMatch(/javascript:|onerror|onload|<script/i);
    }
  });
});

describe('safeLinkTarget', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(safeLinkTarget('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(safeLinkTarget('HTTP://EXAMPLE.COM')).toBe('HTTP://EXAMPLE.COM');
    expect(safeLinkTarget('https://')).toBeUndefined();
    expect(safeLinkTarget(undefined)).toBeUndefined();
  });
});

const FRAGMENTS = ['<', '>', '/', '"', "'", '=', 'script', ' ', '\n', 'x', '<b>', '</b>', '<i>', '</i>', '<ul>', '</ul>', '<ol>', '<li>', '</li>',
  '<br>', '<div>', '</div>', '<pre>', '</pre>', '<code>', '</code>', '<blockquote>', '</blockquote>', '<a href="', 'javascript:alert(1)',
  'https://e.com', '<a href="https://e.com/(x)">', '</a>', '<img alt="', 'data:text/html,', '&lt;', '&#', '&amp;', ';', '[', ']', '(', ')',
  '*', '_', '`', '~', '|', '\\', '-', '1.', '#', '!', '<!--', '-->', '<script>', '</script>', '<style>', '<svg>', '</svg>', '<td>', '<tr>'];

describe('htmlToMarkdown: properties', () => {
  it('never throws and never produces raw HTML or unsafe links, for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (html) => {
      expect(activeContent(htmlToMarkdown(html))).toEqual([]);
    }), { numRuns: 300 });
  }, PROPERTY_TIMEOUT);

  it('never produces raw HTML or unsafe links from tag soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }), (parts) => {
      expect(activeContent(htmlToMarkdown(parts.join('')))).toEqual([]);
    }), { numRuns: 500 });
  }, PROPERTY_TIMEOUT);

  it('keeps the words of tag-free text', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcXYZ019*_[]()#-+.!`~|\\'.split('')), minLength: 1, maxLength: 8 });
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
      expect(visibleText(htmlToMarkdown(words.join(' ')))).toBe(words.join(' '));
    }), { numRuns: 300 });
  }, PROPERTY_TIMEOUT);
});
