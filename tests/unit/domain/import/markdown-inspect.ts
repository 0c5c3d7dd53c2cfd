/**
 * Test helper: parses Markdown the way the app's renderer does (CommonMark + GFM, via the
 * same micromark packages react-markdown uses) and reports what could be active content.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

export interface MarkdownNode {
  type: string;
  value?: string;
  url?: string;
  children?: MarkdownNode[];
}

export function parseMarkdown(markdown: string): MarkdownNode {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MarkdownNode;
}

export function nodesOf(tree: MarkdownNode): MarkdownNode[] {
  const all: MarkdownNode[] = [];
  const visit = (node: MarkdownNode): void => {
    all.push(node);
    node.children?.forEach(visit);
  };
  visit(tree);
  return all;
}

/** Raw HTML nodes and links/images whose target is not http(s) or mailto. */
export function activeContent(markdown: string): string[] {
  return nodesOf(parseMarkdown(markdown)).flatMap((node) => {
    if (node.type === 'html') return [`html: ${node.value ?? ''}`];
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !/^(https?:|mailto:)/i.test(node.url ?? '')) {
      return [`${node.type}: ${node.url ?? ''}`];
    }
    return [];
  });
}

/** The text a reader sees, all formatting removed. */
export function visibleText(markdown: string): string {
  return toString(parseMarkdown(markdown) as Parameters<typeof toString>[0]);
}

export function nodeTypes(markdown: string): string[] {
  return nodesOf(parseMarkdown(markdown)).map((node) => node.type);
}
