/**
 * Plain-text (light Markdown) rendering of a reply. It must read well on its
 * own: in notifications, screen readers, the terminal chat and any channel
 * that drops buttons, so options are numbered and can be typed.
 */
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

export function replyText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.title) parts.push(`**${reply.title}**`);
  for (const s of reply.sections) parts.push(section(s));
  if (reply.source) parts.push(`_From: ${reply.source.documentTitle}, “${reply.source.sectionTitle}”_`);
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
