/**
 * Every card and every tree node, rendered as Teams would get it: within the
 * 28 KB card budget, with buttons that post valid guidance-contract values,
 * a plain-text fallback, and long guidance folded behind "Show more".
 */
import { describe, expect, it } from 'vitest';
import { adaptiveCard, type AdaptiveCard, type CardElement } from '../../src/bot/adaptiveCard';
import { toActivity } from '../../src/bot/render';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import {
  cardReply,
  emergencyReply,
  fallbackReply,
  feedbackReply,
  helpReply,
  menuReply,
  treeOverviewReply,
  treeStepReply,
  welcomeReply,
} from '../../src/core/conversation/replies';
import {
  debriefReply,
  gradeReply,
  practiceListReply,
  reflectionPromptReply,
  reflectionSummaryReply,
  reflectListReply,
  scenarioMomentReply,
} from '../../src/core/conversation/practiceReplies';
import { ActionValue, type Reply } from '../../src/core/conversation/types';
import { debrief } from '../../src/core/practice/scenarios';
import { enumerateScenarioPaths } from '../../src/core/content/validatePractice';
import { PROJECT_ROOT } from '../../src/paths';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const TEAMS = { channelId: 'msteams', group: false };

/** The strictest documented limit for a card posted to Teams. */
const CARD_BUDGET_BYTES = 28 * 1024;

const replies: Array<[string, Reply]> = [
  ...[...library.cards.values()].map((card): [string, Reply] => [`card ${card.id}`, cardReply(library, card)]),
  ...[...library.trees.values()].flatMap((tree) => [
    [`tree ${tree.id} overview`, treeOverviewReply(library, tree)] as [string, Reply],
    ...Object.keys(tree.nodes).map((node): [string, Reply] => [
      `tree ${tree.id} node ${node}`,
      treeStepReply(library, tree, { tree: tree.id, node, history: node === tree.start ? [] : [tree.start] }),
    ]),
  ]),
  ...[...library.scenarios.values()].flatMap((scenario) => [
    ...Object.entries(scenario.moments).flatMap(([moment, { responses }]): Array<[string, Reply]> => [
      [`scenario ${scenario.id} moment ${moment}`, scenarioMomentReply(scenario, { scenario: scenario.id, moment, path: [] }, library)],
      ...responses.map((r): [string, Reply] => [`scenario ${scenario.id} grade ${moment}/${r.id}`, gradeReply(library, scenario, moment, r)]),
    ]),
    // The longest debrief: the longest path, each step explained.
    [
      `scenario ${scenario.id} debrief`,
      debriefReply(library, scenario, debrief(scenario, enumerateScenarioPaths(scenario).sort((a, b) => b.length - a.length)[0] ?? [])),
    ] as [string, Reply],
  ]),
  ...[...library.reflections.values()].flatMap((reflection) => [
    ...reflection.prompts.map((prompt, index): [string, Reply] => [
      `reflection ${reflection.id} prompt ${prompt.id}`,
      reflectionPromptReply(library, reflection, { reflection: reflection.id, index, answers: [] }),
    ]),
    // A summary with long answers (each at the kept maximum) must still fit.
    [
      `reflection ${reflection.id} summary`,
      reflectionSummaryReply(reflection, { reflection: reflection.id, index: reflection.prompts.length, answers: reflection.prompts.map(() => 'x'.repeat(300)) }),
    ] as [string, Reply],
  ]),
  ['practice list', practiceListReply(library, undefined)],
  ['reflect list', reflectListReply(library)],
  ['welcome', welcomeReply(library)],
  ['menu', menuReply(library)],
  ['help', helpReply()],
  ['fallback', fallbackReply(library, ['marac', 'idva'])],
  ['emergency', emergencyReply(library, true)],
];

function cardOf(reply: Reply): AdaptiveCard {
  const attachment = toActivity(reply, TEAMS).attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment?.content as AdaptiveCard;
}

function walk(elements: CardElement[]): CardElement[] {
  return elements.flatMap((e) => [
    e,
    ...walk((e.items as CardElement[] | undefined) ?? []),
    ...walk((e.actions as CardElement[] | undefined) ?? []),
  ]);
}

describe('every card and tree node as an Adaptive Card', () => {
  it('covers the whole corpus', () => {
    expect(replies.length).toBeGreaterThan(library.cards.size + library.trees.size);
  });

  it.each(replies)('%s stays under 28 KB serialized', (_name, reply) => {
    const activity = toActivity(reply, TEAMS);
    expect(Buffer.byteLength(JSON.stringify(activity.attachments), 'utf8')).toBeLessThan(CARD_BUDGET_BYTES);
  });

  it.each(replies)('%s has buttons that post valid contract values, and a plain-text fallback', (_name, reply) => {
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    expect(card.fallbackText.length).toBeGreaterThan(0);
    expect(card.fallbackText).not.toMatch(/\*\*/);
    const submits = walk(card.body).filter((e) => e.type === 'Action.Submit');
    for (const submit of submits) expect(ActionValue.safeParse(submit.data).success, JSON.stringify(submit.data)).toBe(true);
    const contract = reply.choices.map((c) => c.value);
    expect(submits.map((s) => s.data).filter((d) => (d as { action: string }).action !== 'feedback')).toEqual(contract);
  });
});

describe('folding and feedback', () => {
  it('folds long guidance behind "Show more" and keeps short replies whole', () => {
    const long = cardReply(library, library.card('coercive-control') ?? fail('no coercive-control card'));
    const folded = walk(cardOf(long).body);
    const more = folded.find((e) => e.id === 'more');
    expect(more?.isVisible).toBe(false);
    expect(folded.filter((e) => e.type === 'Action.ToggleVisibility').map((e) => e.title)).toEqual(['Show more', 'Show less']);

    const short = walk(cardOf(feedbackReply(true, false)).body);
    expect(short.some((e) => e.id === 'more')).toBe(false);
  });

  it('asks "Was this helpful?" on cards and outcomes only', () => {
    const feedback = (reply: Reply) =>
      walk(cardOf(reply).body).filter((e) => e.type === 'Action.Submit' && (e.data as { action: string }).action === 'feedback');
    const tree = library.tree('third-party-report') ?? fail('no tree');
    const outcome = Object.entries(tree.nodes).find(([, node]) => node.type === 'outcome')?.[0] ?? fail('no outcome');
    expect(feedback(cardReply(library, library.card('marac') ?? fail('no card')))).toHaveLength(2);
    expect(feedback(treeStepReply(library, tree, { tree: tree.id, node: outcome, history: [tree.start] }))).toHaveLength(2);
    expect(feedback(treeStepReply(library, tree, { tree: tree.id, node: tree.start, history: [] }))).toHaveLength(0);
    expect(feedback(menuReply(library))).toHaveLength(0);
  });

  it('shares cards without buttons that would post back to the bot', () => {
    const shared = adaptiveCard(cardReply(library, library.card('marac') ?? fail('no card')), { interactive: false });
    expect(walk(shared.body).filter((e) => e.type === 'Action.Submit')).toEqual([]);
    expect(shared.fallbackText).not.toMatch(/Type a number/);
  });
});

describe('channels without cards, and group chats', () => {
  it('get numbered text on channels that do not show cards', () => {
    const activity = toActivity(menuReply(library), { channelId: 'test', group: false });
    expect(activity.attachments).toBeUndefined();
    expect(activity.text).toMatch(/^1\. /m);
  });

  it('get no quick replies in group chats and channels, and never more than three elsewhere', () => {
    const step = replies.find(([name]) => name.startsWith('tree '))?.[1] ?? fail('no tree step');
    expect(toActivity(step, { channelId: 'msteams', group: true }).suggestedActions).toBeUndefined();
    for (const [, reply] of replies) expect(toActivity(reply, TEAMS).suggestedActions?.actions.length ?? 0).toBeLessThanOrEqual(3);
  });
});

function fail(message: string): never {
  throw new Error(message);
}

describe('links that open outside Waypoint (Talk to someone)', () => {
  const reply: Reply = {
    kind: 'contact',
    title: 'Talk to someone',
    sections: [{ style: 'bullets', lines: ['Duty manager: 0161 000 0000'] }],
    links: [{ label: 'Chat with Duty manager', url: 'https://teams.microsoft.com/l/chat/0/0?users=duty.manager%40example.org' }],
    choices: [],
  };

  it('are Action.OpenUrl buttons in Teams, never posted back', () => {
    const activity = toActivity(reply, { channelId: 'msteams', group: false });
    const card = activity.attachments?.[0]?.content as AdaptiveCard;
    const actions = card.body.flatMap((e) => ((e as { actions?: CardElement[] }).actions ?? []) as CardElement[]);
    expect(actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Chat with Duty manager', url: 'https://teams.microsoft.com/l/chat/0/0?users=duty.manager%40example.org' });
    expect(actions.some((a) => a.type === 'Action.Submit')).toBe(false);
  });

  it('are spelled out in text, with the contract carrying them', () => {
    const activity = toActivity(reply, { channelId: 'test', group: false });
    expect(activity.text).toContain('Chat with Duty manager: https://teams.microsoft.com/l/chat/0/0?users=duty.manager%40example.org');
    expect((activity.channelData as { guidance: { links?: unknown } }).guidance.links).toEqual(reply.links);
  });
});
