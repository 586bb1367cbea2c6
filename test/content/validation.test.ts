/**
 * Content validation against broken fixtures: each fault is found, and its
 * message names the file and the path inside it. Every case starts from a
 * small valid fixture (test/fixtures/valid) and breaks one thing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { formatFault } from '../../src/core/content/load';

const VALID = join(__dirname, '..', 'fixtures', 'valid');
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop() as string, { recursive: true, force: true });
});

/** A copy of the valid fixture with `file` edited by `edit`, and the faults loading it reports. */
function faultsAfter(file: string, edit: (text: string) => string): string[] {
  const root = mkdtempSync(join(tmpdir(), 'waypoint-content-'));
  dirs.push(root);
  cpSync(VALID, root, { recursive: true });
  const path = join(root, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  try {
    loadContentLibrary(defaultContentPaths(root));
  } catch (error) {
    if (error instanceof ContentError) return error.faults.map(formatFault);
    throw error;
  }
  return [];
}

const TREE = 'dialogs/trees/small-tree.yaml';
const CARD = 'content/cards/a-card.yaml';

describe('the valid fixture', () => {
  it('loads without faults', () => {
    const library = loadContentLibrary(defaultContentPaths(VALID));
    expect([library.cards.size, library.trees.size]).toEqual([3, 1]);
  });
});

describe('schema faults name the file and the path inside it', () => {
  it.each([
    ['a missing required field', CARD, (t: string) => t.replace('summary: One line.\n', ''), 'content/cards/a-card.yaml at summary:'],
    ['an id that is not kebab-case', CARD, (t: string) => t.replace('id: a-card', 'id: A_Card'), 'content/cards/a-card.yaml at id: must be kebab-case'],
    ['an unknown field', CARD, (t: string) => `${t}colour: red\n`, 'content/cards/a-card.yaml: Unrecognized key: "colour"'],
    ['an empty key point', CARD, (t: string) => t.replace('keyPoints: [A point.]', 'keyPoints: ["  "]'), 'content/cards/a-card.yaml at keyPoints[0]: must not be empty'],
    ['an unknown audience', CARD, (t: string) => t.replace('[worker]', '[manager]'), 'content/cards/a-card.yaml at audience[0]:'],
    ['a phone number with letters', 'content/cards/helplines.yaml', (t: string) => t.replace('0800 000 000', '0800 CALL NOW'), 'content/cards/helplines.yaml at contacts[0].number: must be digits and spaces only'],
    ['an unknown node type', TREE, (t: string) => t.replace('type: advice', 'type: remark'), 'dialogs/trees/small-tree.yaml at nodes.advise.type:'],
    ['a question with one option', TREE, (t: string) => t.replace('      - { id: right, label: Right, next: end-right }\n', ''), 'dialogs/trees/small-tree.yaml at nodes.ask.options:'],
    ['a node without a source', TREE, (t: string) => t.replace('    text: Some advice.\n    next: end-left\n    source: { document: test-doc, section: part-two }', '    text: Some advice.\n    next: end-left'), 'dialogs/trees/small-tree.yaml at nodes.advise.source:'],
    ['invalid YAML', CARD, (t: string) => `${t}  - : [\n`, 'content/cards/a-card.yaml: YAML syntax:'],
    ['a duplicate key', CARD, (t: string) => `${t}title: Again\n`, 'content/cards/a-card.yaml: YAML syntax:'],
    ['a card with no review date', CARD, (t: string) => t.replace('reviewDue: "2099-01-15"\n', ''), 'content/cards/a-card.yaml at reviewDue:'],
    ['a review date that is not YYYY-MM-DD', TREE, (t: string) => t.replace('reviewDue: "2099-03-01"', 'reviewDue: "March 2099"'), 'dialogs/trees/small-tree.yaml at reviewDue: a date written YYYY-MM-DD'],
  ])('%s', (_name, file, edit, message) => {
    expect(faultsAfter(file, edit).join('\n')).toContain(message);
  });
});

describe('graph and reference faults', () => {
  it.each([
    ['a next that does not resolve', TREE, (t: string) => t.replace('next: end-left', 'next: nowhere'), 'at nodes.advise.next: "nowhere" is not a node in this tree'],
    ['an option pointing nowhere', TREE, (t: string) => t.replace('next: end-right', 'next: missing'), 'at nodes.ask.options[1].next: "missing" is not a node in this tree'],
    ['a start node that does not exist', TREE, (t: string) => t.replace('start: ask', 'start: begin'), 'at start: start node "begin" does not exist'],
    ['an unreachable node', TREE, (t: string) => `${t}  orphan:\n    type: outcome\n    text: Lost.\n    source: { document: test-doc, section: part-one }\n`, 'at nodes.orphan: node "orphan" cannot be reached from the start'],
    ['a cycle', TREE, (t: string) => t.replace('next: end-left', 'next: ask'), 'cycle ask -> advise -> ask'],
    ['a duplicate option label', TREE, (t: string) => t.replace('label: Right', 'label: Left'), 'at nodes.ask.options[1].label: label "Left" is used twice in this node'],
    ['a duplicate option id', TREE, (t: string) => t.replace('id: right', 'id: left'), 'at nodes.ask.options[1].id: option id "left" is used twice in this node'],
    ['an outcome walk-through that does not exist', TREE, (t: string) => t.replace('cards: [a-card]', 'cards: [a-card]\n    trees: [no-tree]'), 'at nodes.end-left.trees[0]: "no-tree" is not a tree id'],
    ['a currency note citing an unknown public source', CARD, (t: string) => `${t}currency:\n  - { since: "2022", text: Changed., source: no-such-page }\n`, 'content/cards/a-card.yaml at currency[0].source: "no-such-page" is not under public in content/sources.yaml'],
    ['an outcome card that does not exist', TREE, (t: string) => t.replace('cards: [a-card]', 'cards: [no-card]'), 'at nodes.end-left.cards[0]: "no-card" is not a card id'],
    ['a related id that does not exist', CARD, (t: string) => t.replace('related: [small-tree]', 'related: [ghost]'), 'content/cards/a-card.yaml at related[0]: "ghost" is not a card or tree id'],
    ['a citation of an unknown document', CARD, (t: string) => t.replace('document: test-doc', 'document: other-doc'), 'at source.document: "other-doc" is not a document in content/sources.yaml'],
    ['a citation of an unregistered section', CARD, (t: string) => t.replace('section: part-one', 'section: part-nine'), 'at source.section: "part-nine" is not a registered section of test-doc'],
    ['an id used twice across content', CARD, (t: string) => t.replace('id: a-card', 'id: small-tree'), 'id "small-tree" is already used by'],
    ['an id that does not match its file name', 'content/cards/danger.yaml', (t: string) => t.replace('id: danger', 'id: danger-now'), 'id "danger-now" must match the file name'],
    ['a menu item that does not exist', 'content/menu.yaml', (t: string) => t.replace('target: a-card', 'target: b-card'), 'content/menu.yaml at items[1].target: "b-card" is not a card or tree id'],
    ['a citation of a section that carries no guidance', 'content/sources.yaml', (t: string) => t.replace('{ id: part-one, title: Part one }', '{ id: part-one, title: Part one, kind: acknowledgements }'), 'at source.section: "part-one" is marked acknowledgements'],
    ['cited paragraphs outside the section', CARD, (t: string) => t.replace('section: part-one }', 'section: part-two, paragraphs: "9-12" }'), 'at source.paragraphs: paragraphs 9-12 are not in section "part-two" (paragraphs 3-8)'],
    ['an unregistered section among those a card also draws on', CARD, (t: string) => t.replace('section: part-one }', 'section: part-one, also: [part-six] }'), 'at source.also[0]: "part-six" is not a registered section of test-doc'],
    ['the main section repeated among those a card also draws on', CARD, (t: string) => t.replace('section: part-one }', 'section: part-one, also: [part-one] }'), 'at source.also[0]: "part-one" is already the main section'],
    ['an unknown local service', CARD, (t: string) => `${t}localServices: [fortune-teller]\n`, 'content/cards/a-card.yaml at localServices[0]:'],
    ['a local services file with an unknown service', 'config/local-services.yaml', (t: string) => t.replace('duty-manager:', 'night-porter:'), 'config/local-services.yaml at services: Unrecognized key: "night-porter"'],
    ['a worker question answered by an item that does not exist', 'content/worker-questions.yaml', (t: string) => t.replace('answer: a-card', 'answer: no-card'), 'content/worker-questions.yaml at questions[0].answer: "no-card" is not a card or tree id'],
    ['a section parent that does not exist', 'content/sources.yaml', (t: string) => t.replace('parent: part-one', 'parent: part-zero'), 'content/sources.yaml at documents[0].sections[1].parent: "part-zero" is not a section of test-doc'],
  ])('%s', (_name, file, edit, message) => {
    expect(faultsAfter(file, edit).join('\n')).toContain(message);
  });

  it('allows a return to an earlier node when it is marked back: true', () => {
    // "ask" offering itself again with back: true is a deliberate loop, not a cycle.
    const faults = faultsAfter(TREE, (t) =>
      t.replace('      - { id: right, label: Right, next: end-right }', '      - { id: right, label: Right, next: end-right }\n      - { id: again, label: Again, next: ask, back: true }'),
    );
    expect(faults).toEqual([]);
  });

  it('reports a question whose only ways on are back edges as a dead end', () => {
    const faults = faultsAfter(TREE, (t) =>
      t.replace('next: advise }', 'next: ask, back: true }').replace('next: end-right }', 'next: ask, back: true }'),
    );
    expect(faults.join('\n')).toContain('at nodes.ask: node "ask" has no way forward and is not an outcome');
  });

  it('reports every fault at once, not just the first', () => {
    const faults = faultsAfter(TREE, (t) => t.replace('next: end-left', 'next: nowhere').replace('cards: [a-card]', 'cards: [no-card]'));
    expect(faults.length).toBeGreaterThanOrEqual(2);
  });
});
