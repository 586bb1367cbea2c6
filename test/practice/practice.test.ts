/**
 * Practice and reflect, through the real server over HTTP: every path of
 * every scenario (grades, feedback, citations, the debrief score, progress
 * in user state) and every reflective session (prompts in order, the
 * summary, and the answers gone from storage once the session ends).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotReply, LocalConversation } from '../../src/client/localClient';
import type { Grade, Scenario } from '../../src/core/content/schema';
import { enumerateScenarioPaths } from '../../src/core/content/validatePractice';
import { startTestBot, type TestBot } from '../support/bot';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

const guidance = (reply: BotReply | undefined) => reply?.channelData?.guidance;
const last = (replies: BotReply[]) => replies.at(-1);

/** What the debrief should score, worked out from the grades alone. */
function expectedScore(grades: Grade[]): number {
  const points = grades.reduce((sum, g) => sum + (g === 'safe' ? 2 : g === 'partly-safe' ? 1 : 0), 0);
  return Math.round((100 * points) / (2 * grades.length));
}

/** Everything stored for a conversation and its user, as text. */
async function stored(conversation: LocalConversation): Promise<string> {
  // botbuilder's keys: channel/conversations/<id>/<namespace> and channel/users/<id>/<namespace> (namespace empty).
  const keys = [`${conversation.channelId}/conversations/${conversation.conversationId}/`, `${conversation.channelId}/users/${conversation.user.id}/`];
  return JSON.stringify(await bot.waypoint.storage.read(keys));
}

describe('the practice scenarios', () => {
  it('number at least 14, each branching somewhere and grounded in a cited section', () => {
    const scenarios = [...bot.waypoint.library.scenarios.values()];
    expect(scenarios.length).toBeGreaterThanOrEqual(14);
    for (const scenario of scenarios) {
      const branches = Object.values(scenario.moments).some((moment) => new Set(moment.responses.map((r) => r.next ?? 'debrief')).size > 1);
      expect(branches, `${scenario.id} never branches`).toBe(true);
    }
  });

  const scenarios = (): Scenario[] => [...bot.waypoint.library.scenarios.values()];

  it('walk every path to a debrief, with every response graded, explained and cited, and the score right', async () => {
    let walked = 0;
    for (const scenario of scenarios()) {
      for (const path of enumerateScenarioPaths(scenario)) {
        const conversation = bot.conversation();
        let replies = await conversation.press({ action: 'scenario', scenario: scenario.id });
        expect(guidance(last(replies))).toMatchObject({ kind: 'scenario', id: scenario.id, step: scenario.start });
        const grades: Grade[] = [];
        for (const [i, { moment, response: responseId }] of path.entries()) {
          const response = scenario.moments[moment]?.responses.find((r) => r.id === responseId);
          const where = `${scenario.id} ${path.map((p) => p.response).join(' > ')} at ${moment}`;
          const offered = guidance(last(replies))?.choices.map((c) => c.value);
          expect(offered, where).toContainEqual({ action: 'respond', scenario: scenario.id, moment, response: responseId });
          replies = await conversation.press({ action: 'respond', scenario: scenario.id, moment, response: responseId });
          const graded = replies.find((r) => guidance(r)?.kind === 'grade');
          expect(guidance(graded), where).toMatchObject({ id: scenario.id, step: moment, grade: response?.grade });
          expect(guidance(graded)?.source?.sectionId, where).toBe(response?.source.section);
          expect(graded?.text, where).toContain(response?.feedback.slice(0, 60));
          for (const card of response?.read ?? []) {
            expect(guidance(graded)?.choices.map((c) => c.value), where).toContainEqual({ action: 'open', card });
          }
          grades.push(response?.grade as Grade);
          const next = guidance(last(replies));
          if (i < path.length - 1) expect(next, where).toMatchObject({ kind: 'scenario', step: path[i + 1]?.moment });
          else expect(next, where).toMatchObject({ kind: 'debrief', id: scenario.id, score: expectedScore(grades) });
        }
        walked += 1;
      }
    }
    expect(walked).toBeGreaterThanOrEqual(scenarios().length * 2);
  });

  it('debrief with the path, what went well, what to do differently and the cards to read', async () => {
    const scenario = scenarios()[0] as Scenario;
    const [path] = enumerateScenarioPaths(scenario).filter((p) => p.some(({ moment, response }) => scenario.moments[moment]?.responses.find((r) => r.id === response)?.grade !== 'safe'));
    const conversation = bot.conversation();
    await conversation.press({ action: 'scenario', scenario: scenario.id });
    let replies: BotReply[] = [];
    for (const step of path ?? []) replies = await conversation.press({ action: 'respond', scenario: scenario.id, ...step });
    const debrief = last(replies);
    expect(debrief?.text).toMatch(/Score: \d+%/);
    expect(debrief?.text).toContain('Your path');
    expect(debrief?.text).toContain('What to do differently');
    for (const card of scenario.debrief.cards) expect(guidance(debrief)?.choices.map((c) => c.value)).toContainEqual({ action: 'open', card });
  });

  it('keep the trainee’s progress in user state, numbers and grades only, across conversations', async () => {
    const user = { id: `trainee-${Date.now()}`, name: 'Trainee' };
    const scenario = scenarios()[1] as Scenario;
    const [best, worse] = [...enumerateScenarioPaths(scenario)].sort((a, b) => score(scenario, b) - score(scenario, a)).filter((_, i, all) => i === 0 || i === all.length - 1);
    const play = async (path: ReturnType<typeof enumerateScenarioPaths>[number]) => {
      const conversation = bot.conversation('test', user);
      await conversation.press({ action: 'scenario', scenario: scenario.id });
      for (const step of path) await conversation.press({ action: 'respond', scenario: scenario.id, ...step });
      return conversation;
    };
    await play(worse ?? []);
    const conversation = await play(best ?? []);
    const progress = last(await bot.conversation('test', user).say('my progress'));
    const lines = progress?.text ?? '';
    expect(guidance(progress)?.kind).toBe('progress');
    expect(lines).toContain(`${scenario.title}: best`);
    expect(lines).toContain(`${score(scenario, best ?? [])}%`);
    expect(lines).toContain('done 2 times');

    const record = JSON.parse(await stored(conversation)) as Record<string, { practice?: { scenarios: Record<string, unknown> } }>;
    const userRecord = record[`test/users/${user.id}/`]?.practice;
    expect(userRecord?.scenarios[scenario.id]).toEqual({ completed: 2, bestScore: score(scenario, best ?? []), bestGrade: expect.any(String) });
  });

  it('answer a stale response (a moment already answered) with where you are, never counting it twice', async () => {
    const scenario = scenarios()[2] as Scenario;
    const conversation = bot.conversation();
    await conversation.press({ action: 'scenario', scenario: scenario.id });
    const first = scenario.moments[scenario.start]?.responses.find((r) => r.next) ?? scenario.moments[scenario.start]?.responses[0];
    const press = { action: 'respond', scenario: scenario.id, moment: scenario.start, response: first?.id };
    await conversation.press(press);
    const again = await conversation.press(press);
    expect(again.map((r) => guidance(r)?.kind)).not.toContain('grade');
    expect(last(again)?.text).toMatch(/already answered|scenario you have left/);
  });
});

function score(scenario: Scenario, path: Array<{ moment: string; response: string }>): number {
  return expectedScore(path.map(({ moment, response }) => scenario.moments[moment]?.responses.find((r) => r.id === response)?.grade as Grade));
}

describe('the reflective sessions', () => {
  it('number at least 6, and each runs prompt by prompt, cited, to a summary of the answers; then the answers are gone', async () => {
    const reflections = [...bot.waypoint.library.reflections.values()];
    expect(reflections.length).toBeGreaterThanOrEqual(6);
    for (const reflection of reflections) {
      const conversation = bot.conversation();
      let replies = await conversation.press({ action: 'reflect', reflection: reflection.id });
      expect(last(replies)?.text).toMatch(/Nothing from the session is logged or kept/);
      const canaries = reflection.prompts.map((_, i) => `canary-${reflection.id}-${i} about Xanthe Pembury`);
      for (const [i, prompt] of reflection.prompts.entries()) {
        expect(guidance(last(replies)), `${reflection.id} prompt ${i}`).toMatchObject({ kind: 'reflection', id: reflection.id, step: prompt.id });
        expect(guidance(last(replies))?.source?.sectionId).toBe(prompt.source.section);
        expect(last(replies)?.text).toContain(prompt.prompt);
        if (i === 2) {
          // Mid-session, what has been typed so far is held in conversation state only.
          expect(await stored(conversation)).toContain(canaries[1]);
        }
        replies = await conversation.say(i === 3 ? 'skip' : (canaries[i] as string));
      }
      const summary = last(replies);
      expect(guidance(summary)).toMatchObject({ kind: 'reflection-summary', id: reflection.id });
      // Typed answers are shown back literally: escaped in the Markdown, so read them unescaped.
      const shown = summary?.text?.replace(/\\([!-/:-@[-`{-~])/g, '$1');
      canaries.forEach((canary, i) => (i === 3 ? expect(shown).toContain('(skipped)') : expect(shown).toContain(canary)));
      expect(await stored(conversation)).not.toMatch(/canary|Xanthe|Pembury/);
    }
    expect(bot.logs.join('\n')).not.toMatch(/canary|Xanthe|Pembury/);
  });

  it('delete the answers when a session is ended early, started over, or replaced by a walk-through', async () => {
    const reflection = [...bot.waypoint.library.reflections.values()][0];
    for (const leave of ['cancel', 'start over', 'walk-through']) {
      const conversation = bot.conversation();
      await conversation.press({ action: 'reflect', reflection: reflection?.id });
      await conversation.say('secret-answer about Yolanda Quist');
      expect(await stored(conversation)).toContain('Yolanda');
      if (leave === 'walk-through') await conversation.press({ action: 'start', tree: 'couples-housing' });
      else await conversation.say(leave);
      expect(await stored(conversation), leave).not.toContain('Yolanda');
    }
  });

  it('pause under the menu, so a question typed there is not taken as an answer, and resume', async () => {
    const reflection = [...bot.waypoint.library.reflections.values()][0];
    const conversation = bot.conversation();
    await conversation.press({ action: 'reflect', reflection: reflection?.id });
    expect(guidance(last(await conversation.say('menu')))?.kind).toBe('menu');
    const asked = await conversation.say('what is marac');
    expect(guidance(last(asked))).toMatchObject({ kind: 'card', id: 'marac' });
    const resumed = await conversation.say('resume');
    expect(guidance(last(resumed))).toMatchObject({ kind: 'reflection', step: reflection?.prompts[0]?.id });
    expect(await stored(conversation)).not.toContain('what is marac');
  });
});

describe('modes', () => {
  it('practice and reflect are on the menu and can be typed; shift leaves them', async () => {
    const conversation = bot.conversation();
    const menu = guidance(last(await conversation.say('menu')));
    expect(menu?.choices.map((c) => c.value)).toEqual(expect.arrayContaining([
      { action: 'command', command: 'practice' },
      { action: 'command', command: 'reflect' },
    ]));
    const practice = guidance(last(await conversation.say('practice')));
    expect(practice?.choices.map((c) => c.value)).toContainEqual({ action: 'scenario', scenario: expect.any(String) });
    const random = guidance(last(await conversation.say('random scenario')));
    expect(random?.kind).toBe('scenario');
    const reflect = guidance(last(await conversation.say('reflect')));
    expect(reflect?.choices.map((c) => c.value)).toContainEqual({ action: 'reflect', reflection: expect.any(String) });
    const shift = last(await conversation.say('shift'));
    expect(guidance(shift)?.kind).toBe('menu');
    expect(shift?.text).toMatch(/Shift mode/);
  });

  it('the emergency reply comes first mid-scenario and mid-session, then carries on where you were', async () => {
    const scenario = [...bot.waypoint.library.scenarios.values()][0] as Scenario;
    const reflection = [...bot.waypoint.library.reflections.values()][0];
    for (const start of [{ action: 'scenario', scenario: scenario.id }, { action: 'reflect', reflection: reflection?.id }]) {
      const conversation = bot.conversation();
      const started = guidance(last(await conversation.press(start)));
      const emergency = await conversation.say('he is hitting her right now');
      expect(guidance(emergency[0])?.kind).toBe('emergency');
      const resumed = await conversation.press({ action: 'command', command: 'resume' });
      expect(guidance(last(resumed))).toMatchObject({ kind: started?.kind, step: started?.step });
    }
  });

  it('back, start over and cancel work in a scenario', async () => {
    const scenario = [...bot.waypoint.library.scenarios.values()].find((s) => Object.keys(s.moments).length > 1) as Scenario;
    const onward = scenario.moments[scenario.start]?.responses.find((r) => r.next);
    const conversation = bot.conversation();
    await conversation.press({ action: 'scenario', scenario: scenario.id });
    await conversation.press({ action: 'respond', scenario: scenario.id, moment: scenario.start, response: onward?.id });
    expect(guidance(last(await conversation.say('back')))).toMatchObject({ kind: 'scenario', step: scenario.start });
    await conversation.press({ action: 'respond', scenario: scenario.id, moment: scenario.start, response: onward?.id });
    expect(guidance(last(await conversation.say('start over')))).toMatchObject({ kind: 'scenario', step: scenario.start });
    const cancelled = last(await conversation.say('cancel'));
    expect(guidance(cancelled)?.kind).toBe('menu');
    expect(cancelled?.text).toMatch(/closed that scenario/);
  });
});
