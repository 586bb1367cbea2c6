/**
 * Builds replies from content. Pure functions: content in, Reply out.
 * Wording that is not guidance (welcome, help, prompts) lives here too, kept
 * short because workers read it on a phone mid-shift.
 */
import type { ContentLibrary } from '../content/library';
import type { Card, Contact, LocalServiceKey, Tree } from '../content/schema';
import type { SearchHit } from '../search/search';
import { currentNode, optionsAt, type TreeWalk } from '../trees/engine';
import { CASE_NOTE } from './caseNote';
import type { Choice, Reply, ReplySection } from './types';

export const MENU: Choice = { label: 'Menu', value: { action: 'command', command: 'menu' } };

const PRIVACY = "Please don't type clients' names or anything that could identify them.";
const NOT_A_SUBSTITUTE =
  "I give guidance only. I don't replace your organisation's policy, your supervision or the emergency services: if someone is in danger now, call 999.";

export function choiceFor(library: ContentLibrary, id: string, label?: string): Choice {
  const text = label ?? library.titleOf(id) ?? id;
  // Menu targets that open a mode rather than a card or tree.
  if (id === 'practice' || id === 'reflect' || id === 'contact') return { label: text, value: { action: 'command', command: id } };
  return library.trees.has(id)
    ? { label: text, value: { action: 'start', tree: id } }
    : { label: text, value: { action: 'open', card: id } };
}

/** "Read: <title>" buttons for the cards to read next (ids that are not cards are skipped). */
export function readChoices(library: ContentLibrary, ids: string[]): Choice[] {
  return ids.filter((id) => library.card(id)).map((id) => choiceFor(library, id, `Read: ${library.titleOf(id) ?? id}`));
}

function menuChoices(library: ContentLibrary): Choice[] {
  return library.menu.items.map((item) => choiceFor(library, item.target, item.label));
}

export function welcomeReply(library: ContentLibrary): Reply {
  return {
    kind: 'welcome',
    title: 'Welcome to Waypoint',
    sections: [
      {
        style: 'text',
        lines: [
          'Quick, cited guidance on domestic abuse for homelessness staff working with survivors, perpetrators or both.',
          NOT_A_SUBSTITUTE,
          PRIVACY,
          'Ask me in your own words (for example "he answers every question for her"), or pick a topic below.',
        ],
      },
    ],
    choices: menuChoices(library),
  };
}

/** The one-line introduction shown before the first answer of a new conversation. */
export function introReply(): Reply {
  return {
    kind: 'welcome',
    sections: [{ style: 'text', lines: [`Waypoint: ${NOT_A_SUBSTITUTE} ${PRIVACY}`] }],
    choices: [],
  };
}

export function menuReply(library: ContentLibrary, note?: string): Reply {
  return {
    kind: 'menu',
    title: 'What do you need help with?',
    sections: note ? [{ style: 'text', lines: [note] }] : [],
    choices: menuChoices(library),
  };
}

export function helpReply(note?: string): Reply {
  return {
    kind: 'help',
    title: 'How to use Waypoint',
    sections: [
      ...(note ? [{ style: 'text' as const, lines: [note] }] : []),
      {
        style: 'text',
        lines: [
          'Type a question in your own words, like "can I report on 101 without her consent?", or pick from the menu.',
          'In a walk-through, press a button, type the option, or type its number.',
        ],
      },
      {
        heading: 'You can type these at any time',
        style: 'bullets',
        lines: [
          'menu: the list of topics',
          'back: the previous step',
          'start over: the start of the current walk-through, scenario or session',
          'cancel: leave the walk-through, scenario or session',
          'practice: practise a scenario; my progress: your record',
          'reflect: a reflective session for supervisors',
          'shift: back to asking questions on shift',
          'help: this message',
        ],
      },
      { style: 'text', lines: [NOT_A_SUBSTITUTE, PRIVACY] },
    ],
    choices: [MENU],
  };
}

function contactLine(contact: Contact): string {
  return `${contact.name}: ${contact.number} (${contact.hours}), for ${contact.for}`;
}

/** How replies name each local service. */
const LOCAL_SERVICE_NAMES: Record<LocalServiceKey, string> = {
  'domestic-abuse-service': 'Local domestic abuse service',
  'marac-coordinator': 'MARAC coordinator',
  'idva-service': 'IDVA service',
  'perpetrator-service': 'Perpetrator service',
  'duty-manager': 'Duty manager',
  'da-lead': 'Domestic abuse lead',
};

/** "Talk to someone": offered from the menu, under every emergency reply, and at outcomes that say to tell someone. */
export const TALK_TO_SOMEONE: Choice = { label: 'Talk to someone', value: { action: 'command', command: 'contact' } };

/** Who "Talk to someone" lists, in the order a worker on shift would try them. */
const CONTACT_ROLES: LocalServiceKey[] = ['duty-manager', 'da-lead', 'marac-coordinator', 'idva-service'];

/** An outcome that tells the worker to bring in a manager, the DA lead, MARAC or an IDVA offers "Talk to someone". */
const TELLS_SOMEONE = /\b(?:manager|DA lead|domestic abuse lead|MARAC|IDVA)s?\b/i;

/** The organisation's contacts, each with a Teams chat and call link where their Teams sign-in is set up. */
export function contactReply(library: ContentLibrary, alerts: boolean, note?: string): Reply {
  const links = CONTACT_ROLES.flatMap((key) => {
    const service = library.localService(key);
    if (!service?.teams) return [];
    const users = encodeURIComponent(service.teams);
    const who = service.name || LOCAL_SERVICE_NAMES[key];
    return [
      { label: `Chat with ${who}`, url: `https://teams.microsoft.com/l/chat/0/0?users=${users}` },
      { label: `Call ${who}`, url: `https://teams.microsoft.com/l/call/0/0?users=${users}` },
    ];
  });
  return {
    kind: 'contact',
    title: 'Talk to someone',
    sections: [
      ...(note ? [{ style: 'text' as const, lines: [note] }] : []),
      { style: 'bullets', lines: CONTACT_ROLES.map((key) => localServiceLine(library, key)) },
      { style: 'text', lines: ['If someone is in danger now, call 999.'] },
      ...(alerts ? [{ style: 'text' as const, lines: [ALERT_EXPLAINED] }] : []),
    ],
    links,
    choices: alerts ? [SEND_ALERT, MENU] : [MENU],
  };
}

export const SEND_ALERT: Choice = { label: "Alert my team's channel", value: { action: 'command', command: 'alert' } };

const ALERT_EXPLAINED =
  "An alert to your team's channel says which guidance you reached, when, and that you asked for contact. It carries nothing you typed.";

/** Said when the host has the alert to send (it answers for itself if sending fails). */
export function alertSentReply(library: ContentLibrary): Reply {
  return noticeReply(library, "I have alerted your team's channel that you asked for contact, with the guidance you reached and the time. Nothing you typed was sent.");
}

/** Said instead when the alert could not be sent. */
export function alertFailedReply(library: ContentLibrary): Reply {
  return contactReply(library, false, "I could not send the alert to your team's channel. Contact someone directly:");
}

/** A configured local service's details, or an honest "not set up" (never an invented contact). */
function localServiceLine(library: ContentLibrary, key: LocalServiceKey): string {
  const service = library.localService(key);
  if (!service) return `${LOCAL_SERVICE_NAMES[key]}: not set up for your organisation yet. Ask your manager.`;
  const details = [service.name, service.phone, service.email, service.hours && `(${service.hours})`, service.notes].filter(Boolean);
  return `${LOCAL_SERVICE_NAMES[key]}: ${details.join(', ')}`;
}

function cardSections(library: ContentLibrary, card: Card): ReplySection[] {
  const sections: ReplySection[] = [
    { style: 'text', lines: [card.summary] },
    { style: 'bullets', lines: card.keyPoints },
  ];
  if (card.appliesIn) sections.push({ style: 'text', lines: [`Applies in ${card.appliesIn}.`] });
  if (card.contacts.length > 0) sections.push({ heading: 'Numbers', style: 'bullets', lines: card.contacts.map(contactLine) });
  if (card.trySaying.length > 0) sections.push({ heading: 'Try saying', style: 'quotes', lines: card.trySaying });
  if (card.nextSteps.length > 0) sections.push({ heading: 'Next steps', style: 'bullets', lines: card.nextSteps });
  if (card.localServices.length > 0) {
    sections.push({ heading: 'Your local contacts', style: 'bullets', lines: card.localServices.map((key) => localServiceLine(library, key)) });
  }
  const also = publicSourceLine(library, card.publicSources);
  if (also) sections.push(also);
  if (card.currency.length > 0) {
    sections.push({
      heading: 'What has changed since the source was written',
      style: 'bullets',
      lines: card.currency.map((note) => {
        const shown = library.publicSource(note.source);
        return `Since ${note.since}: ${note.text}${shown ? ` (Source: ${shown.title}, ${shown.url})` : ''}`;
      }),
    });
  }
  return sections;
}

/** A card, with up to three related items (or next-best search hits) to go on to. */
export function cardReply(library: ContentLibrary, card: Card, nextBest: string[] = []): Reply {
  const alternatives = [...new Set([...card.related, ...nextBest])]
    .filter((id) => id !== card.id && library.titleOf(id) !== undefined)
    .slice(0, 3);
  return {
    kind: 'card',
    id: card.id,
    title: card.title,
    sections: cardSections(library, card),
    choices: alternatives.map((id) => choiceFor(library, id)),
    alternatives,
    source: library.cite(card.source),
    feedbackId: card.id,
  };
}

/** "Also from" the public pages that hold facts the cited document does not (SafeLives' criteria), or nothing. */
export function publicSourceLine(library: ContentLibrary, ids: readonly string[]): ReplySection | undefined {
  const shown = ids.flatMap((id) => {
    const source = library.publicSource(id);
    return source ? [`${source.title}, ${source.publisher} (${source.url})`] : [];
  });
  return shown.length > 0 ? { heading: 'Also from', style: 'bullets', lines: shown } : undefined;
}

/** The current step of a walk: a question with its options, advice with Continue, or an outcome. */
export function treeStepReply(library: ContentLibrary, tree: Tree, walk: TreeWalk, note?: string): Reply {
  const node = currentNode(tree, walk);
  const sections: ReplySection[] = [];
  if (note) sections.push({ style: 'text', lines: [note] });
  sections.push({ style: 'text', lines: [node.text] });
  if (node.points.length > 0) sections.push({ style: 'bullets', lines: node.points });
  if (node.trySaying.length > 0) sections.push({ heading: 'Try saying', style: 'quotes', lines: node.trySaying });
  if (node.type === 'outcome' && tree.outcomeChecklist.length > 0) sections.push({ heading: 'Whatever happens next', style: 'bullets', lines: tree.outcomeChecklist });
  const also = publicSourceLine(library, node.publicSources);
  if (also) sections.push(also);

  let choices: Choice[];
  if (node.type === 'outcome') {
    const read = readChoices(library, node.cards);
    const walks = node.trees.filter((id) => library.tree(id)).map((id) => choiceFor(library, id, `Walk through: ${library.titleOf(id) ?? id}`));
    const tells = [node.text, ...node.points, ...tree.outcomeChecklist].some((line) => TELLS_SOMEONE.test(line));
    choices = [...read, ...walks, ...(tells ? [TALK_TO_SOMEONE] : []), CASE_NOTE, { label: 'Start over', value: { action: 'command', command: 'start-over' } }, MENU];
  } else {
    choices = optionsAt(node).map((option) => ({
      label: option.label,
      value: { action: 'choose', tree: tree.id, node: walk.node, choice: option.id },
    }));
  }
  return {
    kind: 'tree',
    id: tree.id,
    node: walk.node,
    outcome: node.type === 'outcome',
    title: walk.history.length === 0 ? tree.title : undefined,
    sections,
    choices,
    source: library.cite(node.source),
    feedbackId: node.type === 'outcome' ? outcomeFeedbackId(tree.id, walk.node) : undefined,
  };
}

/** A walk-through as a whole, for sharing: what it is for and where it starts (no buttons to press). */
export function treeOverviewReply(library: ContentLibrary, tree: Tree): Reply {
  const start = tree.nodes[tree.start];
  return {
    kind: 'tree',
    id: tree.id,
    title: tree.title,
    sections: [
      { style: 'text', lines: [tree.summary] },
      ...(start ? [{ style: 'text' as const, lines: [`It starts: ${start.text}`] }] : []),
      { style: 'text', lines: ['To walk through it step by step, ask Waypoint in a chat with the bot.'] },
    ],
    choices: [],
    source: library.cite(tree.source),
  };
}

/** How feedback on a tree outcome is counted: per tree and outcome node. */
export function outcomeFeedbackId(treeId: string, nodeId: string): string {
  return `${treeId}/${nodeId}`;
}

/** "Did you mean": the close contenders when no single item is a clear answer. */
export function choicesReply(library: ContentLibrary, hits: SearchHit[]): Reply {
  const ids = hits.map((h) => h.id);
  return {
    kind: 'choices',
    title: 'Did you mean one of these?',
    sections: [{ style: 'text', lines: ['I found a few things that might fit. Pick one, or ask another way.'] }],
    choices: [...ids.map((id) => choiceFor(library, id)), MENU],
    ids,
  };
}

/**
 * No clear answer: say so honestly, name the nearest topics if any came close,
 * and point to the menu and the national helplines.
 */
export function fallbackReply(library: ContentLibrary, nearest: string[] = []): Reply {
  const helplines = library.helplinesCard;
  const suggestions = nearest.filter((id) => id !== helplines.id);
  return {
    kind: 'fallback',
    title: "I couldn't find a clear answer to that",
    sections: [
      {
        style: 'text',
        lines: [
          suggestions.length > 0
            ? "I don't want to guess. These topics came closest; pick one, ask another way, or open the menu."
            : "I don't want to guess. Try asking another way, or pick a topic from the menu.",
          'If someone is in danger now, call 999. National helplines:',
        ],
      },
      { style: 'bullets', lines: helplines.contacts.map(contactLine) },
    ],
    choices: [...suggestions.map((id) => choiceFor(library, id)), MENU, choiceFor(library, helplines.id)],
    ids: suggestions.length > 0 ? suggestions : undefined,
    source: library.cite(helplines.source),
  };
}

/** Shown first, whatever else was happening, when a message says someone is in danger now. */
/**
 * The emergency reply. `asked` is the guidance a question in the same message would otherwise have
 * opened: a worker who was asking, not reporting danger, reaches it in one tap, after the 999 advice.
 */
export function emergencyReply(library: ContentLibrary, canResume: boolean, asked?: string): Reply {
  const card = library.emergencyCard;
  const answer = asked && asked !== card.id ? [choiceFor(library, asked, `For your question: ${library.titleOf(asked) ?? asked}`)] : [];
  const choices: Choice[] = canResume
    ? [{ label: 'Continue where I was', value: { action: 'command', command: 'resume' } }, ...answer, TALK_TO_SOMEONE, MENU]
    : [...answer, TALK_TO_SOMEONE, MENU];
  return {
    kind: 'emergency',
    id: card.id,
    title: card.title,
    sections: [
      { style: 'text', lines: [card.summary] },
      { style: 'bullets', lines: card.keyPoints },
      {
        style: 'text',
        lines: [canResume ? 'When you are safe, you can carry on where you were.' : 'When you are safe, I can help with what to do next.'],
      },
    ],
    choices,
    source: library.cite(card.source),
  };
}

/** The answer to "Was this helpful?". */
export function feedbackReply(helpful: boolean, alreadyRated: boolean): Reply {
  const line = alreadyRated
    ? 'You have already rated that one. Thank you.'
    : helpful
      ? 'Thank you. That helps us keep Waypoint useful.'
      : "Thank you for telling me. I've noted it so the guidance can be improved. Try asking another way, or open the menu.";
  return { kind: 'feedback', sections: [{ style: 'text', lines: [line] }], choices: [MENU] };
}

/** A button from a walk-through or scenario that has been left: never applied; offers to start it again. */
export function leftBehindReply(library: ContentLibrary, what: string, title: string, restart: Choice['value']): Reply {
  return noticeReply(library, `That button belongs to a ${what} you have left ("${title}").`, [
    { label: `Start "${title}" again`, value: restart },
    MENU,
  ]);
}

/** A short answer to hello, thanks, bye or who are you: never a card, and the menu one tap away. */
export function smallTalkReply(text: string): Reply {
  return { kind: 'small-talk', sections: [{ style: 'text', lines: [text] }], choices: [MENU] };
}

/** A plain note with a way on (the menu's choices unless others are given), for stale or unknown buttons. */
export function noticeReply(library: ContentLibrary, text: string, choices?: Choice[]): Reply {
  return { kind: 'menu', sections: [{ style: 'text', lines: [text] }], choices: choices ?? menuChoices(library) };
}
