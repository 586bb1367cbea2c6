/**
 * Waypoint as Teams sees it, through the real server: Adaptive Cards whose
 * buttons carry the guidance contract, Action.Submit presses (fresh and
 * stale), @mentions in channels, the welcome on install, the compose-box
 * search, "Was this helpful?" and the admin report, and the tenant gate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotReply } from '../../src/client/localClient';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestBot, type TestBot } from '../support/bot';
import { BOT, OTHER_TENANT, TENANT, TeamsConversation } from '../support/teams';

type Element = { type?: string; id?: string; data?: unknown; title?: string; text?: string; items?: Element[]; actions?: Element[] };

function cardOf(reply: BotReply | undefined): { body: Element[]; fallbackText: string; version: string } {
  const attachment = reply?.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment?.content as { body: Element[]; fallbackText: string; version: string };
}

/** Every element and action in a card, depth first. */
function walk(elements: Element[]): Element[] {
  return elements.flatMap((e) => [e, ...walk(e.items ?? []), ...walk(e.actions ?? [])]);
}

const submits = (reply: BotReply | undefined) => walk(cardOf(reply).body).filter((e) => e.type === 'Action.Submit');

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ allowedTenantIds: [TENANT] });
});
afterAll(async () => {
  await bot.close();
});

const personal = () => new TeamsConversation(bot.messagesUrl, 'personal');

describe('replies in Teams are Adaptive Cards that still work as text', () => {
  it('renders a card with its guidance, source line, plain-text fallback and at most three quick replies', async () => {
    const { replies } = await personal().say('what is marac');
    const reply = replies.at(-1);
    expect(reply?.channelData?.guidance).toMatchObject({ kind: 'card', id: 'marac' });
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    const texts = walk(card.body).flatMap((e) => (typeof e.text === 'string' ? [e.text] : []));
    expect(texts.some((t) => t.startsWith('From: '))).toBe(true);
    expect(card.fallbackText).toContain('MARAC');
    expect(card.fallbackText).not.toMatch(/\*\*/);
    // The reply is sent once: the notification line is the card's title, not the whole text again.
    const title = walk(card.body).find((e) => e.type === 'TextBlock')?.text;
    expect(reply?.summary).toBe(title);
    expect(card.fallbackText.length).toBeGreaterThan(2 * (title?.length ?? 0));
    expect(reply?.text).toBeUndefined();
    expect(reply?.suggestedActions?.actions.length).toBeLessThanOrEqual(3);
  });

  it('says how to choose without the buttons once per conversation, on its first card with buttons', async () => {
    const conversation = personal();
    const hint = (reply: BotReply | undefined) => walk(cardOf(reply).body).filter((e) => e.text?.startsWith('Buttons not working?')).length;
    const first = await conversation.say('what is marac');
    expect(hint(first.replies.at(-1))).toBe(1);
    expect(hint((await conversation.say('menu')).replies.at(-1))).toBe(0);
    expect(hint((await conversation.submit({ action: 'start', tree: 'couples-housing' })).replies.at(-1))).toBe(0);
    // A new conversation is told again.
    expect(hint((await personal().submit({ action: 'start', tree: 'couples-housing' })).replies.at(-1))).toBe(1);
  });

  it('gives a case note as a text box holding the record, ready to copy, and the same record in the contract', async () => {
    const conversation = personal();
    let reply = (await conversation.submit({ action: 'start', tree: 'couples-housing' })).replies.at(-1);
    for (let step = 0; step < 15 && !reply?.channelData?.guidance?.outcome; step += 1) {
      const options = submits(reply).filter((b) => (b.data as { action?: string }).action === 'choose');
      reply = (await conversation.submit(options.at(-1)?.data)).replies.at(-1);
    }
    const copy = submits(reply).find((b) => b.title?.endsWith('Copy for case notes'));
    expect(copy?.data).toEqual({ action: 'command', command: 'case-note' });
    const note = (await conversation.submit(copy?.data)).replies.at(-1);
    const record = note?.channelData?.guidance?.record ?? '';
    expect(note?.channelData?.guidance?.kind).toBe('case-note');
    expect(record).toMatch(/^Waypoint guidance record, .*\(UK time\)\n/);
    const box = walk(cardOf(note).body).find((e) => e.type === 'Input.Text') as Element & { value?: string; isMultiline?: boolean };
    expect(box).toMatchObject({ isMultiline: true, value: record });
    expect(cardOf(note).fallbackText).toContain(record);
  });

  it('gives tree options as Action.Submit buttons carrying the contract values, and walks on a press', async () => {
    const conversation = personal();
    const { replies } = await conversation.submit({ action: 'start', tree: 'third-party-report' });
    const step = replies.at(-1);
    const choices = step?.channelData?.guidance?.choices ?? [];
    const buttons = submits(step).filter((b) => (b.data as { action?: string }).action !== 'feedback');
    expect(buttons.map((b) => b.data)).toEqual(choices.map((c) => c.value));
    expect(buttons[0]?.data).toEqual({ action: 'choose', tree: 'third-party-report', node: 'danger-now', choice: expect.any(String) });
    expect(step?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Back', 'Start over', 'Menu']);

    const next = await conversation.submit(buttons[1]?.data);
    expect(next.replies.at(-1)?.channelData?.guidance?.node).not.toBe('danger-now');
  });

  it('answers a stale press (a double tap on an answered step) with where you are, never applying it twice', async () => {
    const conversation = personal();
    const start = await conversation.submit({ action: 'start', tree: 'couples-housing' });
    // The second answer: the first (someone is in danger now) raises the emergency reply, not a step.
    const first = submits(start.replies.at(-1))[1]?.data;
    const once = await conversation.submit(first);
    const here = once.replies.at(-1)?.channelData?.guidance;
    const twice = await conversation.submit(first);
    const again = twice.replies.at(-1);
    expect(twice.status).toBe(200);
    expect(again?.channelData?.guidance).toMatchObject({ kind: 'tree', id: 'couples-housing', node: here?.node });
    expect(cardOf(again).fallbackText).toMatch(/already answered/i);
  });

  it('answers a press from a walk-through already left, without applying it', async () => {
    const conversation = personal();
    const start = await conversation.submit({ action: 'start', tree: 'couples-housing' });
    const old = submits(start.replies.at(-1))[0]?.data;
    await conversation.say('cancel');
    const { replies } = await conversation.submit(old);
    expect(cardOf(replies.at(-1)).fallbackText).toMatch(/walk-through you have left/);
    expect(replies.at(-1)?.channelData?.guidance?.choices.map((c) => c.value)).toContainEqual({ action: 'start', tree: 'couples-housing' });
  });
});

describe('group chats and channels', () => {
  it('answer only when Waypoint is @mentioned, with the mention stripped, and offer no quick replies', async () => {
    const channel = new TeamsConversation(bot.messagesUrl, 'channel', `19:general@thread.tacv2;messageid=${Date.now()}`);
    expect((await channel.say('what is marac')).replies).toEqual([]);
    const { replies } = await channel.say('what is marac', { mention: true });
    expect(replies.at(-1)?.channelData?.guidance).toMatchObject({ kind: 'card', id: 'marac' });
    expect(replies.every((r) => r.suggestedActions === undefined)).toBe(true);
  });

  it('store nothing for a message not addressed to Waypoint', async () => {
    const channel = new TeamsConversation(bot.messagesUrl, 'channel', `19:quiet@thread.tacv2;messageid=${Date.now()}`);
    await channel.say('just chatting among ourselves');
    const key = `msteams/conversations/${channel.conversationId}/`;
    expect(await bot.waypoint.storage.read([key])).toEqual({});
  });

  it('keep state per thread', async () => {
    const base = '19:general@thread.tacv2;messageid=';
    const one = new TeamsConversation(bot.messagesUrl, 'channel', `${base}1${Date.now()}`);
    const two = one.with({ conversationId: `${base}2${Date.now()}` });
    await one.submit({ action: 'start', tree: 'couples-housing' });
    await two.submit({ action: 'start', tree: 'third-party-report' });
    const [a] = (await one.say('start over', { mention: true })).replies;
    const [b] = (await two.say('start over', { mention: true })).replies;
    expect(a?.channelData?.guidance?.id).toBe('couples-housing');
    expect(b?.channelData?.guidance?.id).toBe('third-party-report');
  });
});

describe('the welcome', () => {
  it('is sent once on install, not again when Teams adds the bot as a member, nor when a colleague joins', async () => {
    const conversation = personal();
    const installed = await conversation.install();
    expect(installed.replies.map((r) => r.channelData?.guidance?.kind)).toEqual(['welcome']);
    expect((await conversation.membersAdded([conversation.user, BOT])).replies).toEqual([]);

    const team = new TeamsConversation(bot.messagesUrl, 'channel', `19:team-${Date.now()}@thread.tacv2`);
    expect((await team.membersAdded([BOT])).replies.map((r) => r.channelData?.guidance?.kind)).toEqual(['welcome']);
    expect((await team.membersAdded([{ id: '29:a-new-colleague' }])).replies).toEqual([]);
  });
});

describe('search from the compose box (composeExtension/query)', () => {
  it('returns results ranked as the bot ranks them, each previewed and inserting a cited card without bot buttons', async () => {
    const query = 'coercive control';
    const { status, body } = await personal().search(query);
    expect(status).toBe(200);
    const result = (body as { composeExtension: { type: string; attachments: Array<{ content: { body: Element[] }; preview: { content: { title: string } } }> } })
      .composeExtension;
    expect(result.type).toBe('result');
    const expected = new GuidanceSearch(documentsFrom(bot.waypoint.library)).search(query, 10, { complete: true });
    expect(result.attachments.map((a) => a.preview.content.title)).toEqual(expected.map((h) => h.title));
    const first = result.attachments[0]?.content;
    const elements = walk(first?.body ?? []);
    expect(elements.some((e) => typeof e.text === 'string' && e.text.startsWith('From: '))).toBe(true);
    expect(elements.filter((e) => e.type === 'Action.Submit')).toEqual([]);
  });

  it('shows the menu for an empty query, and says so plainly when nothing matches or the command is unknown', async () => {
    const empty = (await personal().search(undefined)).body as { composeExtension: { attachments: Array<{ preview: { content: { title: string } } }> } };
    const menuTitles = bot.waypoint.library.menu.items.map((item) => bot.waypoint.library.titleOf(item.target));
    expect(empty.composeExtension.attachments.map((a) => a.preview.content.title)).toEqual(menuTitles.slice(0, 10));

    const none = (await personal().search('zzzz qqqq')).body as { composeExtension: { type: string; text: string } };
    expect(none.composeExtension).toMatchObject({ type: 'message', text: expect.stringMatching(/No guidance found/) });
    const unknown = await personal().search('marac', 'somethingElse');
    expect(unknown.status).toBe(200);
  });
});

describe('"Was this helpful?" and the admin report', () => {
  it('is on every card and outcome, acknowledged, counted once per conversation, and reported with redacted gaps', async () => {
    const conversation = personal();
    const { replies } = await conversation.say('what is marac');
    const rate = submits(replies.at(-1)).filter((b) => (b.data as { action?: string }).action === 'feedback');
    expect(rate.map((b) => b.data)).toEqual([
      { action: 'feedback', id: 'marac', helpful: true },
      { action: 'feedback', id: 'marac', helpful: false },
    ]);
    const thanks = await conversation.submit(rate[0]?.data);
    expect(thanks.replies.at(-1)?.channelData?.guidance?.kind).toBe('feedback');
    await conversation.submit(rate[0]?.data);
    await conversation.say('my client Zara called from 07700 900123, email zara@example.com, SW1A 1AA, on 12/03/2024 about the quux frobnicator');

    const report = (await (await fetch(`${bot.url}/admin/feedback`)).json()) as {
      feedback: Array<{ id: string; helpful: number; notHelpful: number }>;
      unanswered: Array<{ query: string; count: number }>;
    };
    expect(report.feedback.find((f) => f.id === 'marac')).toEqual({ id: 'marac', helpful: 1, notHelpful: 0 });
    const gap = report.unanswered.find((u) => u.query.startsWith('my client [name] called from'));
    // A name, and any word no dictionary or card has, never reaches the report.
    expect(gap?.query).not.toMatch(/Zara|quux|frobnicator/);
    expect(gap?.query).toContain('[number]');
    expect(gap?.query).toContain('[email]');
    expect(gap?.query).toContain('[postcode]');
    expect(gap?.query).toContain('[date]');
    expect(gap?.query).not.toMatch(/07700|zara@|SW1A|12\/03/);
  });

  it('asks about tree outcomes too', async () => {
    const conversation = personal();
    let reply = (await conversation.submit({ action: 'start', tree: 'third-party-report' })).replies.at(-1);
    for (let i = 0; i < 10 && !reply?.channelData?.guidance?.outcome; i += 1) {
      reply = (await conversation.submit(reply?.channelData?.guidance?.choices[0]?.value)).replies.at(-1);
    }
    const guidance = reply?.channelData?.guidance;
    expect(guidance?.outcome).toBe(true);
    expect(submits(reply).map((b) => b.data)).toContainEqual({ action: 'feedback', id: `${guidance?.id}/${guidance?.node}`, helpful: true });
  });
});

describe('only our organisation', () => {
  it('refuses a foreign tenant: no reply, no state written, a log line without content', async () => {
    const ours = personal();
    const theirs = ours.with({ tenant: OTHER_TENANT });
    const refused = await theirs.submit({ action: 'start', tree: 'couples-housing' });
    expect(refused.status).toBe(200);
    expect(refused.replies).toEqual([]);
    const typed = await theirs.say('Quentin Blofeld is hitting her right now');
    expect(typed.replies).toEqual([]);
    // Nothing was stored for the conversation: for our own tenant it is still brand new.
    const back = await ours.say('back');
    expect(back.replies.map((r) => r.channelData?.guidance?.kind)).toEqual(['welcome', 'menu']);
    expect(bot.logs.some((line) => line.includes('tenant not allowed') && line.includes(OTHER_TENANT))).toBe(true);
    expect(bot.logs.join('\n')).not.toMatch(/Quentin|Blofeld/);
  });

  it('refuses a foreign compose-box search with 403', async () => {
    expect((await personal().with({ tenant: OTHER_TENANT }).search('marac')).status).toBe(403);
  });
});

describe('with Bot Framework credentials configured', () => {
  const credentials = {
    MicrosoftAppId: '00000000-0000-0000-0000-0000000000b1',
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: TENANT,
  };

  it('answers a request without a valid token with 401, and the bot never runs', async () => {
    const secured = await startTestBot({ auth: credentials, allowedTenantIds: [TENANT] });
    try {
      const response = await new TeamsConversation(secured.messagesUrl).say('what is marac');
      expect(response.status).toBe(401);
      expect(secured.logs.some((line) => line.includes('"msg":"turn"'))).toBe(false);
    } finally {
      await secured.close();
    }
  });

  it('closes /admin/feedback without the admin key, and opens it with the key', async () => {
    const secured = await startTestBot({ auth: credentials, allowedTenantIds: [TENANT], adminKey: 'correct horse battery staple' });
    try {
      expect((await fetch(`${secured.url}/admin/feedback`)).status).toBe(401);
      const wrong = await fetch(`${secured.url}/admin/feedback`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${secured.url}/admin/feedback`, { headers: { authorization: 'Bearer correct horse battery staple' } });
      expect(right.status).toBe(200);
      expect(await right.json()).toMatchObject({ feedback: [], unanswered: [], unansweredByWeek: [], walks: [], review: { overdue: [] } });
      // The page holds no data, so it is served; it asks for the key and reads the report with it.
      const page = await fetch(`${secured.url}/admin`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/supervisor's view/);
    } finally {
      await secured.close();
    }
  });

  it('serves neither the report nor its page in production without an admin key', async () => {
    const closed = await startTestBot({ auth: credentials, allowedTenantIds: [TENANT] });
    try {
      expect((await fetch(`${closed.url}/admin/feedback`)).status).toBe(404);
      expect((await fetch(`${closed.url}/admin`)).status).toBe(404);
    } finally {
      await closed.close();
    }
  });
});

describe('the command suggestions in the app manifest', () => {
  it('each open what they name: the menu, help, or the start of their walk-through', async () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'appPackage', 'manifest.json'), 'utf8')) as {
      bots: Array<{ commandLists: Array<{ commands: Array<{ title: string }> }> }>;
    };
    const titles = [...new Set(manifest.bots[0]?.commandLists.flatMap((list) => list.commands.map((c) => c.title)))];
    const expected: Record<string, { kind: string; id?: string; node?: string }> = {
      menu: { kind: 'menu' },
      help: { kind: 'help' },
      'humouring or collusion': { kind: 'tree', id: 'humouring-or-collusion' },
      'challenge abusive behaviour': { kind: 'tree', id: 'challenge-abusive-behaviour' },
      'report on 101': { kind: 'tree', id: 'third-party-report' },
      'couples housing': { kind: 'tree', id: 'couples-housing' },
    };
    expect(titles.sort()).toEqual(Object.keys(expected).sort());
    for (const title of titles) {
      const reply = (await personal().say(title)).replies.at(-1);
      const want = expected[title] ?? { kind: 'none' };
      const tree = want.id ? bot.waypoint.library.tree(want.id) : undefined;
      expect(reply?.channelData?.guidance, title).toMatchObject(tree ? { ...want, node: tree.start } : want);
    }
  });
});

describe('broken invokes', () => {
  it('answer a compose-box query with no value 400, an unknown invoke 501, and the server stays healthy', async () => {
    const conversation = personal();
    expect((await conversation.post({ type: 'invoke', name: 'composeExtension/query' }, false)).status).toBe(400);
    expect((await conversation.post({ type: 'invoke', name: 'composeExtension/query', value: { commandId: 'searchGuidance', parameters: [null, 7] } }, false)).status).toBe(200);
    expect((await conversation.post({ type: 'invoke', name: 'no/such/thing', value: {} }, false)).status).toBe(501);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
