/**
 * Renders card Markdown. Raw HTML in a card is never interpreted: react-markdown escapes it
 * (`skipHtml` is off on purpose so that `<b>` typed in a card shows as the text "<b>"), and
 * links and images only keep http(s) and relative URLs — `javascript:` and `data:` are dropped.
 */
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

export function MarkdownView({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      <Markdown remarkPlugins={[remarkGfm]} urlTransform={safeUrl} components={components}>
        {source}
      </Markdown>
    </div>
  );
}
