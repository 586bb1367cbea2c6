/**
 * The real content: it loads, holds every card and tree the product needs,
 * cites real sections, carries the seed's helpline numbers exactly (and no
 * other phone numbers), and the generated files derived from it are current.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { renderJsonSchemas } from '../../src/tooling/json-schemas';
import { coverageReport } from '../../src/core/content/coverage';
import { enumeratePaths } from '../../src/core/content/validate';
import { PROJECT_ROOT } from '../../src/paths';
import { treeWalkFile } from '../../src/transcripts/treeWalks';
import { readTranscripts } from '../support/transcripts';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));

const REQUIRED_CARDS = `definition-of-domestic-abuse gendered-nature-of-abuse frontline-challenges signs-financial-control
  signs-drugs-and-alcohol signs-isolation minimising-denying-blaming violent-resistance charming-to-professionals
  two-workers see-survivor-alone link-perpetrator-to-support validate-the-relationship humouring-vs-collusion
  protect-survivor-information private-conversations-in-office buying-food-and-drinks worried-i-colluded
  everyones-responsibility perpetrator-programmes basic-needs-first derogatory-language-about-partner
  trauma-is-not-an-excuse aims-of-challenging belief-intent-behaviour conversation-openers-perpetrator
  abuse-in-front-of-you working-with-both-partners couples-housed-together case-study-andrew-and-annette marac
  information-sharing third-party-reporting-101 team-around-me reflective-practice safety-before-outcomes helplines
  respect-phoneline`.split(/\s+/);
const REQUIRED_TREES = ['humouring-or-collusion', 'challenge-abusive-behaviour', 'third-party-report', 'couples-housing'];

/** The whole corpus (issue 3): cards from all five documents and five more trees. */
const CORPUS_CARDS = `coercive-control economic-abuse tech-abuse stalking-and-harassment honour-based-abuse forced-marriage fgm
  adolescent-to-parent-violence children-as-victims support-for-children operation-encompass clares-law protection-orders
  mappa perpetrator-panels domestic-homicide-reviews dash-risk-checklist marac-referral-criteria idva priority-need
  safe-accommodation-duty whole-housing-approach rehousing-the-perpetrator joint-tenancy prison-release-housing
  migrant-victims-nrpf post-separation-risk responding-to-disclosure retelling-the-story commissioning-perpetrator-response
  daha-accreditation staff-wellbeing lgbt-victims male-victims older-victims disabled-victims perpetrator-tactics
  impact-on-victims pets-and-leaving refuge-access multi-agency-working`.split(/\s+/);
const CORPUS_TREES = ['marac-referral', 'survivor-always-with-perpetrator', 'sharing-information', 'perpetrator-rehousing', 'disclosure-first-response'];

/** Later changes every corpus must note where they bear on a card: when, and words the note must use. */
const CURRENCY_NOTES: Array<[string, RegExp]> = [
  ['April 2021', /Domestic Abuse Act 2021/],
  ['July 2021', /priority need/],
  ['2022', /DARA/],
  ['November 2024', /Domestic Abuse Protection (Notices|Orders)/],
  ['2024', /Migrant Victims of Domestic Abuse Concession/],
];

/** The national helplines exactly as seed 000 ("Who else can help?") gives them. */
const SEED_HELPLINES = [
  { number: '0808 2000 247', hours: '24/7' },
  { number: '0808 802 9999', hours: '12:00-14:30 and 19:00-21:30 every day' },
  { number: '0800 999 5428', hours: 'Monday to Friday 10:00am - 5:00pm and Wednesday to Thursday 10:00am - 8:00pm' },
  { number: '0808 801 0327', hours: 'Monday and Wednesday 9am-8pm, Tuesday, Thursday and Friday 9am - 5pm' },
];
const SEED_RESPECT = { number: '0808 802 4040', hours: 'Monday to Friday 9am-5pm' };
/**
 * National lines from seed 004 (Home Office draft statutory guidance, July 2020), Annex A
 * "Support Available for Victims", digit for digit, each also checked against a public page
 * (issue 13): National Stalking Helpline, Live Fear Free (Wales; Annex A prints it as
 * 0808 801 0800), UK Forced Marriage Unit and Revenge Porn Helpline.
 */
const SEED_004_ANNEX_A = ['0808 802 0300', '0808 80 10 800', '020 7008 0151', '0345 6000 459', '0808 801 0321'];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}
const contentFiles = [...yamlFiles(join(PROJECT_ROOT, 'content')), ...yamlFiles(join(PROJECT_ROOT, 'dialogs'))];

describe('the guidance corpus', () => {
  it('has every required card and tree', () => {
    for (const id of REQUIRED_CARDS) expect(library.card(id), `card ${id}`).toBeDefined();
    for (const id of REQUIRED_TREES) expect(library.tree(id), `tree ${id}`).toBeDefined();
  });

  it('has at least 150 cards, including every card and tree the whole corpus needs', () => {
    expect(library.cards.size).toBeGreaterThanOrEqual(150);
    for (const id of CORPUS_CARDS) expect(library.card(id), `card ${id}`).toBeDefined();
    for (const id of CORPUS_TREES) expect(library.tree(id), `tree ${id}`).toBeDefined();
  });

  it('cites every substantive section of the homelessness guidance and at least 80% of each other document', () => {
    for (const doc of coverageReport(library)) {
      const missing = doc.sections.filter((s) => s.substantive && !s.covered).map((s) => s.id);
      expect(doc.meetsBar, `${doc.id}: ${doc.covered}/${doc.substantive}, not cited: ${missing.join(', ')}`).toBe(true);
    }
  });

  it('notes each well-established later change, apart from what the source says', () => {
    const notes = [...library.cards.values()].flatMap((card) => card.currency);
    for (const [since, words] of CURRENCY_NOTES) {
      expect(notes.some((note) => note.since === since && words.test(note.text)), `${since}: ${words}`).toBe(true);
    }
  });

  it('cites a registered document and section on every card and every tree step', () => {
    const refs = [
      ...[...library.cards.values()].map((c) => c.source),
      ...[...library.trees.values()].flatMap((t) => [t.source, ...Object.values(t.nodes).map((n) => n.source)]),
    ];
    for (const ref of refs) {
      const sections = library.document(ref.document)?.sections ?? [];
      expect(sections.some((s) => s.id === ref.section), `${ref.document}/${ref.section}`).toBe(true);
    }
  });

  it('carries the national helplines digit for digit as the source gives them', () => {
    const contacts = library.card('helplines')?.contacts ?? [];
    for (const line of SEED_HELPLINES) expect(contacts).toContainEqual(expect.objectContaining(line));
    expect(library.card('respect-phoneline')?.contacts).toContainEqual(expect.objectContaining(SEED_RESPECT));
  });

  it('contains no phone number that is not in the source', () => {
    const allowed = new Set([...[...SEED_HELPLINES, SEED_RESPECT].map((l) => l.number), ...SEED_004_ANNEX_A].map((n) => n.replace(/\s/g, '')));
    for (const file of contentFiles) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\b0\d{2,4}[ \d]{5,9}\d\b/g)) {
        expect(allowed.has(match[0].replace(/\s/g, '')), `${file}: ${match[0]}`).toBe(true);
      }
    }
  });

  it('starts every YAML file with a $schema comment that points at a real schema', () => {
    for (const file of [...contentFiles, ...yamlFiles(join(PROJECT_ROOT, 'test', 'conversations'))]) {
      const first = readFileSync(file, 'utf8').split('\n')[0] ?? '';
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, `${file} first line`).not.toBeNull();
      expect(existsSync(resolve(dirname(file), match?.[1] ?? '')), `${file} schema path`).toBe(true);
    }
  });
});

describe('generated files are current', () => {
  it('schemas/ matches the zod schemas (run npm run content:schemas)', () => {
    for (const [name, text] of Object.entries(renderJsonSchemas())) {
      expect(readFileSync(join(PROJECT_ROOT, 'schemas', name), 'utf8'), name).toBe(text);
    }
  });

  it('test/conversations/trees matches the trees (run npm run content:transcripts)', () => {
    for (const tree of library.trees.values()) {
      const file = join(PROJECT_ROOT, 'test', 'conversations', 'trees', `${tree.id}.yaml`);
      expect(readFileSync(file, 'utf8'), tree.id).toBe(treeWalkFile(library, tree));
    }
  });

  it('walks every root-to-outcome path of every tree', () => {
    for (const tree of library.trees.values()) {
      const file = join(PROJECT_ROOT, 'test', 'conversations', 'trees', `${tree.id}.yaml`);
      const walked = new Set(
        readTranscripts(file).map((t) =>
          t.steps.flatMap((s) => ('bot' in s && s.bot.id === tree.id && s.bot.node ? [s.bot.node] : [])).join(' > '),
        ),
      );
      for (const path of enumeratePaths(tree)) {
        expect(walked.has(path.map((s) => s.node).join(' > ')), `${tree.id}: ${path.map((s) => s.node).join(' > ')}`).toBe(true);
      }
    }
  });
});
