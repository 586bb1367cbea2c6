/**
 * A core Reply as an Adaptive Card (schema 1.5): title, the guidance, "try
 * saying", next steps and the source line, with the reply's choices as
 * Action.Submit buttons carrying the guidance contract's values, and "Was
 * this helpful?" on cards and outcomes. Long replies fold their detail
 * behind "Show more", so a card never grows without limit on a phone.
 *
 * Shared cards (inserted into a chat from the compose box) are not
 * interactive: their buttons would post to a conversation the bot may not be
 * in, so they carry only the guidance, its source and "Show more".
 *
 * Lines that hold what someone typed (a reflective summary's answers) are
 * TextRuns in a RichTextBlock, which Adaptive Cards never read as Markdown
 * (and cards have no HTML): a typed link or markup shows as typed.
 */
import type { Reply, ReplySection } from '../core/conversation/types';
import { citationLine, quoted, replyText, showsTypedText } from './text';

/** An Adaptive Card element or action: plain JSON, as the channel receives it. */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  fallbackText: string;
  msteams: { width: 'Full' };
}

/** A grade's title colour (the words say it too, so colour is never the only signal). */
const GRADE_COLOURS: Record<string, string> = { safe: 'Good', 'partly-safe': 'Warning', collusive: 'Attention', unsafe: 'Attention' };

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** About this much text shows before "Show more"; the first section (the summary) always shows. */
const VISIBLE_CHARS = 600;

/** Ids of the folding elements; one card never holds two folds. */
const MORE = 'more';
const SHOW_MORE = 'showMore';
const SHOW_LESS = 'showLess';

export interface CardOptions {
  /** Buttons that post back to the bot (false for cards shared into other chats). */
  interactive: boolean;
}

export function adaptiveCard(reply: Reply, options: CardOptions = { interactive: true }): AdaptiveCard {
  const body: CardElement[] = [];
  const head: CardElement[] = [];
  if (reply.caution) body.push({ type: 'TextBlock', text: reply.caution, wrap: true, weight: 'Bolder', color: 'Attention' });
  if (reply.title) {
    const color = reply.kind === 'grade' && reply.grade ? GRADE_COLOURS[reply.grade] : undefined;
    head.push({ type: 'TextBlock', text: reply.title, wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading', ...(color ? { color } : {}) });
  }

  const { visible, hidden } = fold(reply.sections, showsTypedText(reply));
  const [first, ...rest] = visible;
  if (first) head.push(...first);
  // The emergency reply stands out: its title and first lines sit in an "attention" container.
  if (reply.kind === 'emergency') body.push({ type: 'Container', style: 'attention', bleed: true, items: head });
  else body.push(...head);
  for (const elements of rest) body.push(...elements);

  if (hidden.length > 0) {
    body.push({ type: 'Container', id: MORE, isVisible: false, items: hidden.flat() });
    body.push(toggle(SHOW_MORE, 'Show more', true), toggle(SHOW_LESS, 'Show less', false));
  }
  // A case note: in a text box, where a long press or Ctrl+A selects exactly the record to copy.
  if (reply.record) body.push({ type: 'Input.Text', id: 'record', isMultiline: true, value: reply.record, label: 'Case note' });
  if (reply.source) {
    body.push({ type: 'TextBlock', text: citationLine(reply.source), wrap: true, size: 'Small', isSubtle: true, spacing: 'Medium' });
  }
  // Links open outside Waypoint (a Teams chat or call), so they show on shared cards too.
  if (reply.links && reply.links.length > 0) {
    body.push({ type: 'ActionSet', spacing: 'Medium', actions: reply.links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })) });
  }
  if (options.interactive) {
    reply.choices.forEach((choice, i) => {
      body.push({
        type: 'ActionSet',
        spacing: i === 0 ? 'Medium' : 'Small',
        actions: [{ type: 'Action.Submit', title: `${i + 1}. ${choice.label}`, data: choice.value }],
      });
    });
    if (reply.choices.length > 0 && reply.explainChoices) {
      body.push({ type: 'TextBlock', text: 'Buttons not working? Type the number or the option.', wrap: true, size: 'Small', isSubtle: true });
    }
    if (reply.feedbackId) body.push(...feedback(reply.feedbackId));
  }

  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    fallbackText: replyText(options.interactive ? reply : { ...reply, choices: [] }, { markdown: false }),
    msteams: { width: 'Full' },
  };
}

/**
 * Splits a reply's sections into what shows at once and what waits behind
 * "Show more": the first section always shows, then lines show until about
 * VISIBLE_CHARS of text have been shown. Each entry is one section's elements.
 */
function fold(sections: ReplySection[], literal: boolean): { visible: CardElement[][]; hidden: CardElement[][] } {
  const visible: CardElement[][] = [];
  const hidden: CardElement[][] = [];
  let shown = 0;
  // Once one line is folded, every line after it is too, so the order is kept.
  let folding = false;
  sections.forEach((section, index) => {
    const now: string[] = [];
    const later: string[] = [];
    for (const line of section.lines) {
      if (!folding && (index === 0 || shown + line.length <= VISIBLE_CHARS)) {
        now.push(line);
        shown += line.length;
      } else {
        folding = true;
        later.push(line);
      }
    }
    if (now.length > 0) visible.push(sectionElements(section, now, section.heading, literal));
    if (later.length > 0) hidden.push(sectionElements(section, later, now.length === 0 ? section.heading : undefined, literal));
  });
  return { visible, hidden };
}

/**
 * One line of text: a TextBlock (Markdown: bold, italics, lists, links), or,
 * for a line someone typed, a RichTextBlock whose TextRun is shown literally.
 */
function textElement(text: string, literal: boolean, extra: CardElement = {}): CardElement {
  if (literal) return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }], ...extra };
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function sectionElements(section: ReplySection, lines: string[], heading: string | undefined, literal: boolean): CardElement[] {
  const elements: CardElement[] = [];
  if (heading) elements.push({ type: 'TextBlock', text: heading, wrap: true, weight: 'Bolder', spacing: 'Medium' });
  switch (section.style) {
    case 'text':
      elements.push(...lines.map((line) => textElement(line, literal)));
      break;
    case 'bullets':
      elements.push(...lines.map((line) => textElement(`• ${line}`, literal, { spacing: 'Small' })));
      break;
    case 'quotes':
      elements.push({
        type: 'Container',
        style: 'emphasis',
        items: lines.map((line) => textElement(quoted(line), literal, { spacing: 'Small' })),
      });
      break;
  }
  return elements;
}

function toggle(id: string, title: string, isVisible: boolean): CardElement {
  return {
    type: 'ActionSet',
    id,
    isVisible,
    actions: [{ type: 'Action.ToggleVisibility', title, targetElements: [MORE, SHOW_MORE, SHOW_LESS] }],
  };
}

function feedback(id: string): CardElement[] {
  const rate = (title: string, helpful: boolean) => ({ type: 'Action.Submit', title, data: { action: 'feedback', id, helpful } });
  return [
    { type: 'TextBlock', text: 'Was this helpful?', wrap: true, size: 'Small', spacing: 'Large' },
    { type: 'ActionSet', actions: [rate('👍 Yes', true), rate('👎 No', false)] },
  ];
}
