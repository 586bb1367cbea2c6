/**
 * Text rendering of a reply. It must read well on its own: in notifications,
 * screen readers, the terminal chat and any channel that drops buttons, so
 * options are numbered and can be typed. Markdown (bold, italics) for
 * channels that show it; plain text for a card's fallback.
 *
 * Text someone typed is never rendered as Markdown: where a reply shows it
 * back (a reflective session's summary shows the supervisor's answers), its
 * lines are escaped, so a typed link, image, heading or HTML tag shows as the
 * characters typed and cannot become markup in Waypoint's reply.
 */
import { citationLine } from '../core/content/library';
import type { GuidanceKind, Reply, ReplySection } from '../core/conversation/types';

export { citationLine };

interface Style {
  bold: (text: string) => string;
  italic: (text: string) => string;
  /** A line of a section: as it is, or escaped when it holds what someone typed. */
  line: (text: string) => string;
}

const MARKDOWN: Style = { bold: (t) => `**${t}**`, italic: (t) => `_${t}_`, line: (t) => t };
const PLAIN: Style = { bold: (t) => t, italic: (t) => t, line: (t) => t };

/**
 * Replies whose section lines include what the user typed, so must be shown
 * literally: the reflective summary (the answers, each under its prompt).
 * No other reply repeats anything typed.
 */
export const ECHOES_USER_TEXT: ReadonlySet<GuidanceKind> = new Set<GuidanceKind>(['reflection-summary']);

/** Whether a reply's section lines must be shown as literal text, never as Markdown. */
export function showsTypedText(reply: Pick<Reply, 'kind'>): boolean {
  return ECHOES_USER_TEXT.has(reply.kind);
}

/**
 * Text that reads as itself in Markdown: every ASCII punctuation character
 * (all CommonMark can treat as markup: links, images, emphasis, headings,
 * lists, code, HTML tags and entities, autolinks) is backslash-escaped.
 * CommonMark renders an escaped character as the character, so the reader
 * sees exactly what was typed.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** `text` cut to at most `max` characters, with an ellipsis when cut. */
export function shortened(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * The one line a notification, a chat list or a screen reader's summary shows
 * for a reply sent as a card: its title, or else its first line. Never the
 * whole reply again (the card's fallbackText has that), and never what
 * someone typed (a lock-screen notification is no place for it).
 */
export function summaryLine(reply: Reply): string | undefined {
  const line = reply.title ?? (showsTypedText(reply) ? undefined : reply.sections[0]?.lines[0]);
  return line ? shortened(line, 140) : undefined;
}

/** A suggested phrasing as it is shown: in curly quotes, whatever quotes the content used. */
export function quoted(line: string): string {
  return `“${line.replace(/^["“]|["”]$/g, '')}”`;
}

function section(s: ReplySection, style: Style): string {
  const heading = s.heading ? `${style.bold(s.heading)}\n` : '';
  switch (s.style) {
    case 'text':
      return heading + s.lines.map(style.line).join('\n\n');
    case 'bullets':
      return heading + s.lines.map((line) => `- ${style.line(line)}`).join('\n');
    case 'quotes':
      return heading + s.lines.map((line) => `- ${style.line(quoted(line))}`).join('\n');
  }
}

export function replyText(reply: Reply, options: { markdown?: boolean } = {}): string {
  const base = options.markdown === false ? PLAIN : MARKDOWN;
  // Plain text is never interpreted, so only Markdown needs the typed lines escaped.
  const style = base === MARKDOWN && showsTypedText(reply) ? { ...base, line: escapeMarkdown } : base;
  const parts: string[] = [];
  if (reply.caution) parts.push(style.bold(reply.caution));
  if (reply.title) parts.push(style.bold(reply.title));
  for (const s of reply.sections) parts.push(section(s, style));
  // A case note is plain text to copy as it is: fenced in Markdown, so nothing in it becomes markup.
  if (reply.record) parts.push(base === MARKDOWN ? `\`\`\`\n${reply.record}\n\`\`\`` : reply.record);
  if (reply.links && reply.links.length > 0) parts.push(reply.links.map((link) => `${link.label}: ${link.url}`).join('\n'));
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
