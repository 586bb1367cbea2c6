/**
 * Privacy by default: what a worker types about a client never reaches the
 * logs, in any mode. A made-up name, phone number, email, postcode and date
 * of birth are sent through shift, practice and reflect, a Teams channel,
 * the compose-box search and the fallback, and the logs are searched for
 * every one of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot';
import { TeamsConversation, TENANT } from '../support/teams';

const DETAILS = ['Ottoline Vasquez-Brumby', '07700 900461', 'ottoline.vb@example.net', 'LS6 2QT', '14/07/1986'];
const said = `${DETAILS[0]} (dob ${DETAILS[4]}, ${DETAILS[3]}, ${DETAILS[1]}, ${DETAILS[2]})`;

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ allowedTenantIds: [TENANT] });
});
afterAll(async () => {
  await bot.close();
});

describe('the logs', () => {
  it('never contain what was typed about a client, in any mode', async () => {
    const shift = bot.conversation();
    await shift.say(`${said} says he answers every question for her`);
    await shift.say(`${said} — can I report on 101 without her consent`);
    await shift.press({ action: 'start', tree: 'third-party-report' });
    await shift.say(`no, ${said}`);
    await shift.say(`${said} is being hit right now`);
    await shift.say(`quux frobnicate ${said}`); // the fallback

    const practice = bot.conversation();
    await practice.say('practice');
    await practice.say('random scenario');
    await practice.say(said);

    const reflect = bot.conversation();
    const session = [...bot.waypoint.library.reflections.values()][0];
    await reflect.press({ action: 'reflect', reflection: session?.id });
    for (const _ of session?.prompts ?? []) await reflect.say(said);

    const channel = new TeamsConversation(bot.messagesUrl, 'channel', `19:privacy@thread.tacv2;messageid=${Date.now()}`);
    await channel.say(`what is marac, asking for ${said}`, { mention: true });
    await channel.search(`marac ${said}`);

    const logs = bot.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const detail of DETAILS) expect(logs, detail).not.toContain(detail);
    expect(logs).not.toMatch(/Ottoline|Brumby|900461|LS6|1986/);
  });

  it('keep only redacted questions for content authors', async () => {
    const { unanswered } = bot.waypoint.feedback.snapshot();
    const kept = JSON.stringify(unanswered);
    for (const detail of DETAILS.slice(1)) expect(kept, detail).not.toContain(detail);
  });
});
