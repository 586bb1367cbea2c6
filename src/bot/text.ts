/**
 * Text rendering of a reply. It must read well on its own: in notifications,
 * screen readers, the terminal chat and any channel that drops buttons, so
 * options are numbered and can be typed. Markdown (bold, italics) for
 * channels that show it; plain text for a card's fallback.
 */
import type { Citation } from '../core/content/library';
import type { Reply, ReplySection } from '../core/conversation/types';

interface Style {
  bold: (text: string) => string;
  italic: (text: string) => string;
}

const MARKDOWN: Style = { bold: (t) => `**${t}**`, italic: (t) => `_${t}_` };
const PLAIN: Style = { bold: (t) => t, italic: (t) => t };

/** A suggested phrasing as it is shown: in curly quotes, whatever quotes the content used. */
export function quoted(line: string): string {
  return `“${line.replace(/^["“]|["”]$/g, '')}”`;
}

function section(s: ReplySection, style: Style): string {
  const heading = s.heading ? `${style.bold(s.heading)}\n` : '';
  switch (s.style) {
    case 'text':
      return heading + s.lines.join('\n\n');
    case 'bullets':
      return heading + s.lines.map((line) => `- ${line}`).join('\n');
    case 'quotes':
      return heading + s.lines.map((line) => `- ${quoted(line)}`).join('\n');
  }
}

/** "From: <document> (<date>), “<section>”, paragraphs 57-59". */
export function citationLine(source: Citation): string {
  const date = source.documentDate ?? 'undated';
  const paragraphs = source.paragraphs ? `, paragraph${source.paragraphs.includes('-') ? 's' : ''} ${source.paragraphs}` : '';
  return `From: ${source.documentTitle} (${date}), “${source.sectionTitle}”${paragraphs}`;
}

export function replyText(reply: Reply, options: { markdown?: boolean } = {}): string {
  const style = options.markdown === false ? PLAIN : MARKDOWN;
  const parts: string[] = [];
  if (reply.title) parts.push(style.bold(reply.title));
  for (const s of reply.sections) parts.push(section(s, style));
  if (reply.source) parts.push(style.italic(citationLine(reply.source)));
  if (reply.choices.length > 0) {
    parts.push(reply.choices.map((choice, i) => `${i + 1}. ${choice.label}`).join('\n'));
    parts.push(
      style.italic(
        reply.kind === 'tree'
          ? 'Type a number or an option. Or type back, start over or menu.'
          : 'Type a number, or ask another question.',
      ),
    );
  }
  return parts.join('\n\n');
}
