/**
 * "Talk to someone" (issue 15, part 1): the organisation's duty manager, DA lead, MARAC
 * coordinator and IDVA from config/local-services.yaml, with a Teams chat and call link where
 * their Teams sign-in is set up; a role not set up says so, never an invented contact. Offered
 * from the menu, under every emergency reply, and at outcomes that say to tell one of them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary, type ContentLibrary } from '../../src/core/content/library';
import { Assistant } from '../../src/core/conversation/assistant';
import { TALK_TO_SOMEONE } from '../../src/core/conversation/replies';
import type { Reply } from '../../src/core/conversation/types';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';

const unset = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));

function withServices(yaml: string): ContentLibrary {
  const file = join(mkdtempSync(join(tmpdir(), 'waypoint-services-')), 'local-services.yaml');
  writeFileSync(file, yaml);
  return loadContentLibrary({ ...defaultContentPaths(PROJECT_ROOT), localServicesFile: file });
}

const assistantFor = (library: ContentLibrary) => new Assistant(library, new GuidanceSearch(documentsFrom(library)), { idleTimeoutMs: 3_600_000 });
const lines = (reply: Reply | undefined) => reply?.sections.flatMap((s) => s.lines) ?? [];

describe('Talk to someone', () => {
  it('says plainly which roles are not set up, with no links and never an invented contact', () => {
    const reply = assistantFor(unset).respond({ text: 'talk to someone' }, undefined).replies.at(-1);
    expect(reply?.kind).toBe('contact');
    for (const role of ['Duty manager', 'Domestic abuse lead', 'MARAC coordinator', 'IDVA service']) {
      expect(lines(reply)).toContain(`${role}: not set up for your organisation yet. Ask your manager.`);
    }
    expect(reply?.links ?? []).toEqual([]);
    expect(lines(reply)).toContain('If someone is in danger now, call 999.');
  });

  it("gives a configured contact's phone and hours, and a Teams chat and call link where their sign-in is set", () => {
    const library = withServices(`services:
  duty-manager: { name: "Duty manager on call", phone: "0161 000 0000", hours: "24 hours", teams: "duty.manager@example.org" }
  da-lead: { teams: "29:1abc-user-id" }
`);
    const reply = assistantFor(library).respond({ value: { action: 'command', command: 'contact' } }, undefined).replies.at(-1);
    expect(lines(reply)).toContain('Duty manager: Duty manager on call, 0161 000 0000, (24 hours)');
    expect(lines(reply)).toContain('IDVA service: not set up for your organisation yet. Ask your manager.');
    expect(reply?.links).toEqual([
      { label: 'Chat with Duty manager on call', url: 'https://teams.microsoft.com/l/chat/0/0?users=duty.manager%40example.org' },
      { label: 'Call Duty manager on call', url: 'https://teams.microsoft.com/l/call/0/0?users=duty.manager%40example.org' },
      { label: 'Chat with Domestic abuse lead', url: 'https://teams.microsoft.com/l/chat/0/0?users=29%3A1abc-user-id' },
      { label: 'Call Domestic abuse lead', url: 'https://teams.microsoft.com/l/call/0/0?users=29%3A1abc-user-id' },
    ]);
  });

  it('is offered from the menu and under every emergency reply', () => {
    const assistant = assistantFor(unset);
    expect(assistant.respond({ text: 'menu' }, undefined).replies.at(-1)?.choices.map((c) => c.value)).toContainEqual(TALK_TO_SOMEONE.value);
    const emergency = assistant.respond({ text: 'he is strangling her right now' }, undefined).replies.at(-1);
    expect(emergency?.kind).toBe('emergency');
    expect(emergency?.choices.map((c) => c.value)).toContainEqual(TALK_TO_SOMEONE.value);
  });

  it('is offered at every tree outcome that says to tell a manager, the DA lead, MARAC or an IDVA, and at no other', () => {
    const assistant = assistantFor(unset);
    let offered = 0;
    let notOffered = 0;
    for (const tree of unset.trees.values()) {
      for (const [id, node] of Object.entries(tree.nodes)) {
        if (node.type !== 'outcome') continue;
        const reply = assistant.respond({ value: { action: 'start', tree: tree.id } }, undefined);
        const at = assistant.respond({ text: 'menu' }, { ...reply.session, walk: { tree: tree.id, node: id, history: [] } });
        const shown = assistant.respond({ value: { action: 'command', command: 'resume' } }, { ...at.session, walk: { tree: tree.id, node: id, history: [] } }).replies.at(-1);
        expect(shown?.outcome, `${tree.id}/${id}`).toBe(true);
        const says = [node.text, ...node.points, ...tree.outcomeChecklist].some((line) => /\b(?:manager|DA lead|domestic abuse lead|MARAC|IDVA)s?\b/i.test(line));
        const offers = shown?.choices.some((c) => c.label === TALK_TO_SOMEONE.label) ?? false;
        expect(offers, `${tree.id}/${id}`).toBe(says);
        if (offers) offered += 1;
        else notOffered += 1;
      }
    }
    expect(offered).toBeGreaterThan(0);
    expect(notOffered).toBeGreaterThan(0);
  });
});
