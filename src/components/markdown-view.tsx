/**
 * Renders card Markdown. Raw HTML in a card is never interpreted: react-markdown escapes it
 * (`skipHtml` is off on purpose so that `<b>` typed in a card shows as the text "<b>"), and
 * links and images only keep http(s) and relative URLs — `javascript:` and `data:` are dropped.
 *
 * Parsing is the expensive part (a millisecond or more per card on a slow phone), so the
 * rendered elements of recent sources are kept: a screen can parse what it will show next
 * ahead of time (prepareMarkdown) and then show it without parsing.
 */
import { memo, type ReactElement } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/))/i;

export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : '';
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Images would fetch from anywhere and break offline use; show their description instead.
  img: ({ alt }) => <span className="md-image-alt">{alt ? `[image: ${alt}]` : '[image]'}</span>,
};

const remarkPlugins = [remarkGfm];

/** How many rendered sources are kept, most recently used last: a study session's next few cards and more. */
const KEPT = 64;
const rendered = new Map<string, ReactElement>();

/** The source's elements, parsed now unless they are among the kept ones. Elements are immutable, so sharing them is safe. */
function renderMarkdown(source: string): ReactElement {
  const kept = rendered.get(source);
  // Markdown (react-markdown's synchronous component) is a plain function of its props: no hooks.
  const element = kept ?? Markdown({ children: source, remarkPlugins, urlTransform: safeUrl, components });
  rendered.delete(source);
  rendered.set(source, element);
  if (rendered.size > KEPT) {
    const oldest = rendered.keys().next();
    if (!oldest.done) rendered.delete(oldest.value);
  }
  return element;
}

/** Parses `sources` now, so that showing them later costs no parsing. For idle time. */
export function prepareMarkdown(sources: Iterable<string>): void {
  for (const source of sources) renderMarkdown(source);
}

export const MarkdownView = memo(function MarkdownView({ source, className }: { source: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : 'markdown'}>{renderMarkdown(source)}</div>;
});
