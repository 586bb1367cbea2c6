/**
 * `npm run eval`: Waypoint's figures on every question set in eval/, by set and by style.
 *
 *   npm run eval                       every set
 *   npm run eval -- --split validation only one split (examples, validation or test)
 *   npm run eval -- --misses           also list what went wrong (never for the test split:
 *                                      reading its misses is how a frozen set gets tuned on)
 *   npm run eval -- --json out.json    the figures as JSON as well
 */
import { writeFileSync } from 'node:fs';
import { defaultContentPaths, loadContentLibrary } from '../core/content/library';
import { Assistant } from '../core/conversation/assistant';
import { documentsFrom, GuidanceSearch } from '../core/search/search';
import { PROJECT_ROOT } from '../paths';
import {
  dangerLevelOf,
  evaluateDanger,
  evaluateSearch,
  firstReply,
  loadEvalSets,
  SPLITS,
  type DangerReport,
  type DangerTally,
  type SearchReport,
  type SearchTally,
  type Split,
} from '../tooling/evaluation';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const only = argument('--split') as Split | undefined;
if (only && !SPLITS.includes(only)) throw new Error(`--split must be one of ${SPLITS.join(', ')}`);
const showMisses = process.argv.includes('--misses');
const jsonOut = argument('--json');

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const search = new GuidanceSearch(documentsFrom(library));
const assistant = new Assistant(library, search, { idleTimeoutMs: 60 * 60 * 1000 });
const judge = {
  rank: (q: string, limit: number) => search.search(q, limit).map((hit) => hit.id),
  reply: (q: string) => firstReply(assistant, q),
};

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const cell = (s: string, w: number) => s.padEnd(w);

function searchRow(label: string, t: SearchTally): string {
  return [
    cell(label, 12),
    String(t.inScope).padStart(4),
    pct(t.top1, t.inScope),
    pct(t.top3, t.inScope),
    pct(t.answeredRight, t.inScope),
    pct(t.answeredWrong, t.inScope),
    pct(t.choices, t.inScope),
    pct(t.foundNothing, t.inScope),
    `${t.offTopicHandled}/${t.offTopic}`.padStart(7),
    `${t.smallTalkHandled}/${t.smallTalk}`.padStart(7),
    String(t.falseEmergency).padStart(5),
  ].join('  ');
}

const SEARCH_HEADER = [
  cell('style', 12),
  '   n',
  ' top-1',
  ' top-3',
  ' right',
  ' wrong',
  '  dym ',
  'nothing',
  'offtopic',
  ' small',
  ' 999!',
].join('  ');

function dangerRow(label: string, t: DangerTally): string {
  return [
    cell(label, 12),
    `${t.nowFull}/${t.now}`.padStart(8),
    pct(t.nowFull, t.now),
    pct(t.nowAny, t.now),
    `${t.unclearFull + t.unclearCaution}/${t.unclear}`.padStart(7),
    `${t.notFull}/${t.not}`.padStart(7),
    pct(t.notFull, t.not),
    pct(t.notCaution, t.not),
  ].join('  ');
}

const DANGER_HEADER = [cell('kind', 12), '     now', 'recall', ' any  ', 'unclear', 'not:999', 'false!', 'caution'].join('  ');

const results: Record<string, unknown> = {};
for (const set of loadEvalSets(PROJECT_ROOT)) {
  if (only && set.split !== only) continue;
  const key = `${set.split}/${set.name}`;
  console.log(`\n== ${key} (${set.items.length} ${set.type === 'search' ? 'questions' : 'messages'})`);
  if (set.type === 'search') {
    const report = evaluateSearch(set.items, judge);
    printSearch(report);
    if (showMisses && set.split !== 'test') for (const m of report.misses) console.log(`   miss [${m.style}] ${JSON.stringify(m.q)} -> ${m.got} (want ${String(m.expect)})`);
    results[key] = { all: report.all, byStyle: Object.fromEntries(report.byStyle) };
  } else {
    const report = evaluateDanger(set.items, (text) => dangerLevelOf(firstReply(assistant, text)));
    printDanger(report);
    if (showMisses && set.split !== 'test') for (const m of report.misses) console.log(`   miss [${m.label}/${m.kind}] ${JSON.stringify(m.text)} -> ${m.got}`);
    results[key] = { all: report.all, byKind: Object.fromEntries(report.byKind) };
  }
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);

function printSearch(report: SearchReport): void {
  console.log(SEARCH_HEADER);
  for (const [style, tally] of [...report.byStyle].sort(([a], [b]) => a.localeCompare(b))) console.log(searchRow(style, tally));
  console.log(searchRow('ALL', report.all));
}

function printDanger(report: DangerReport): void {
  console.log(DANGER_HEADER);
  for (const [kind, tally] of [...report.byKind].sort(([a], [b]) => a.localeCompare(b))) console.log(dangerRow(kind, tally));
  console.log(dangerRow('ALL', report.all));
}
