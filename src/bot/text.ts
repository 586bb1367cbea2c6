/**
 * Plain-text (light Markdown) rendering of a reply. It must read well on its
 * own: in notifications, screen readers, the terminal chat and any channel
 * that drops buttons, so options are numbered and can be typed.
 */
import type { Citation } from '../core/content/library';
import type { Reply, ReplySection } from '../core/conversation/types';

function section(s: ReplySection): string {
  const heading = s.heading ? `**${s.heading}**\n` : '';
  switch (s.style) {
    case 'text':
      return heading + s.lines.join('\n\n');
    case 'bullets':
      return heading + s.lines.map((line) => `- ${line}`).join('\n');
    case 'quotes':
      return heading + s.lines.map((line) => `- “${line.replace(/^["“]|["”]$/g, '')}”`).join('\n');
  }
}

/** "From: <document> (<date>), “<section>”, paragraphs 57-59". */
export function citationLine(source: Citation): string {
  const date = source.documentDate ?? 'undated';
  const paragraphs = source.paragraphs ? `, paragraph${source.paragraphs.includes('-') ? 's' : ''} ${source.paragraphs}` : '';
  return `From: ${source.documentTitle} (${date}), “${source.sectionTitle}”${paragraphs}`;
}

export function replyText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.title) parts.push(`**${reply.title}**`);
  for (const s of reply.sections) parts.push(section(s));
  if (reply.source) parts.push(`_${citationLine(reply.source)}_`);
  if (reply.choices.length > 0) {
    parts.push(reply.choices.map((choice, i) => `${i + 1}. ${choice.label}`).join('\n'));
    parts.push(
      reply.kind === 'tree'
        ? '_Type a number or an option. Or type back, start over or menu._'
        : '_Type a number, or ask another question._',
    );
  }
  return parts.join('\n\n');
}
