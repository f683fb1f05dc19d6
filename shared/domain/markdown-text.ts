import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Block-level nodes: their texts are separated by a space in a one-line excerpt. */
const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'tableCell', 'tableRow', 'table', 'list']);

function collect(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      out.push(node.value);
      return;
    case 'code':
      out.push(' … ');
      return;
    case 'break':
      out.push(' ');
      return;
    case 'image':
    case 'imageReference':
    case 'html':
    case 'definition':
    case 'footnoteDefinition':
      return;
  }
  if ('children' in node) {
    for (const child of node.children) collect(child as Nodes, out);
    if (BLOCKS.has(node.type)) out.push(' ');
  }
}

/**
 * The words a reader sees once Markdown is rendered (the same GFM dialect the renderer uses), on one
 * line. Excerpts in chat lists, toasts, quotes and search come from this, so "Amount > 5000" keeps
 * its ">" and "**due today**" loses only its stars.
 */
export function markdownPlainText(markdown: string): string {
  const out: string[] = [];
  collect(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }), out);
  return out.join('').replace(/\s+/g, ' ').trim();
}
