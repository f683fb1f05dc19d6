import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { markdownLink, safeHref } from '../notices/NoticeMarkdown.tsx';

/** The subset chat allows: emphasis, strike, code, links, lists and quotes. Headings, tables, images and HTML are not. */
const allowedElements = ['p', 'strong', 'em', 'del', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'blockquote', 'br'];

const components: Components = { a: markdownLink };

/** A message body, rendered as React elements (no HTML string, nothing to sanitise, nothing runs). */
export const ChatMarkdown = memo(function ChatMarkdown({ text }: { text: string }) {
  return (
    <div className="markdown chat-text" dir="auto">
      <Markdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        urlTransform={safeHref}
        allowedElements={allowedElements}
        unwrapDisallowed
        components={components}
      >
        {text}
      </Markdown>
    </div>
  );
});
