/**
 * What a card shows beyond its guidance: the source's date, where the law it
 * states applies, what has changed since, and the organisation's own local
 * contacts, honestly "not set up" until they are configured.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replyText } from '../../src/bot/text';
import { defaultContentPaths, loadContentLibrary, sectionHeading } from '../../src/core/content/library';
import { Assistant } from '../../src/core/conversation/assistant';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';

const root = mkdtempSync(join(tmpdir(), 'waypoint-extras-'));
cpSync(join(__dirname, '..', 'fixtures', 'valid'), root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

function edit(file: string, change: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

function openCard(id: string): string {
  const library = loadContentLibrary(defaultContentPaths(root));
  const assistant = new Assistant(library, new GuidanceSearch(documentsFrom(library)), { idleTimeoutMs: 1000 });
  const reply = assistant.respond({ value: { action: 'open', card: id } }, undefined).replies.at(-1);
  if (!reply) throw new Error('no reply');
  return replyText(reply);
}

describe('a card that states law, has changed since, and points to local services', () => {
  edit('content/cards/a-card.yaml', (t) =>
    t.replace(
      'related: [small-tree]',
      [
        'related: [small-tree]',
        'appliesIn: England',
        'currency:',
        '  - { since: July 2021, text: The rule changed., source: test-act }',
        'localServices: [marac-coordinator, idva-service]',
        'publicSources: [test-act]',
      ].join('\n'),
    ),
  );

  it('says where it applies and what has changed, apart from the guidance', () => {
    const text = openCard('a-card');
    expect(text).toContain('Applies in England.');
    expect(text).toContain('What has changed since the source was written');
    expect(text).toContain('Since July 2021: The rule changed. (Source: Test Act 2021, section 1, https://example.org/test-act/section/1)');
    expect(text).toMatch(/Also from[^]*Test Act 2021, section 1, Nobody \(https:\/\/example\.org\/test-act\/section\/1\)/);
  });

  it('says a local service is not set up rather than inventing one', () => {
    expect(openCard('a-card')).toContain('MARAC coordinator: not set up for your organisation yet. Ask your manager.');
  });

  it('shows a local service once the organisation has configured it', () => {
    edit('config/local-services.yaml', (t) =>
      t.replace('marac-coordinator: { name: "", phone: ""', 'marac-coordinator: { name: "Borough MARAC team", phone: "01234 567890"'),
    );
    const text = openCard('a-card');
    expect(text).toContain('MARAC coordinator: Borough MARAC team, 01234 567890');
    expect(text).toContain('IDVA service: not set up for your organisation yet.');
  });

  it("shows the source's date, or says it is undated", () => {
    expect(openCard('a-card')).toContain('From: Test document (undated), “Part one”');
    edit('content/sources.yaml', (t) => t.replace('jurisdiction: Nowhere', 'jurisdiction: Nowhere\n    date: April 2021'));
    expect(openCard('a-card')).toContain('From: Test document (April 2021), “Part one”');
  });
});

describe('citing a heading the document repeats', () => {
  it('names the parent section too, so the citation is unambiguous', () => {
    const doc = {
      id: 'd', title: 'D', shortTitle: 'D', publisher: 'P', jurisdiction: 'J', file: 'f',
      sections: [
        { id: 'survivors', title: 'Survivors', kind: 'substantive' as const },
        { id: 'survivors-gaps', title: 'Gaps in Practice', parent: 'survivors', kind: 'substantive' as const },
        { id: 'staff', title: 'Staff', kind: 'substantive' as const },
        { id: 'staff-gaps', title: 'Gaps in practice', parent: 'staff', kind: 'substantive' as const },
      ],
    };
    expect(sectionHeading(doc, 'staff-gaps')).toBe('Staff › Gaps in practice');
    expect(sectionHeading(doc, 'staff')).toBe('Staff');
  });
});
