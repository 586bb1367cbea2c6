/**
 * `npm run bench:compare`: three search methods side by side on the validation questions (the set
 * used to choose methods; never the frozen test set), over the same cards and search aids:
 *   - the engine before issue 12, exactly as committed then (read from git at LEGACY_COMMIT into
 *     bench/.legacy/, which git ignores): fuse.js fuzzy matching over a hand-written weighted
 *     index, with its own stemmer and answer gate;
 *   - MiniSearch out of the box: BM25 over the same fields and weights, prefix and fuzzy on,
 *     its own tokenizer, and no answer gate (so no found-nothing figure);
 *   - Waypoint's method (src/core/search): lemmas, spelling towards the guidance's words, the
 *     thesaurus, BM25 fused with nearest example questions, and the meaning-based gate.
 * Figures: top-1 and top-3 on in-scope questions, found-nothing (the honest fallback on an
 * in-scope question), off-topic questions given the fallback, and in-process time per question.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { defaultContentPaths, loadContentLibrary } from '../src/core/content/library';
import { documentsFrom, FIELD_WEIGHTS, GuidanceSearch } from '../src/core/search/search';
import { PROJECT_ROOT } from '../src/paths';
import { loadEvalSets, type SearchQuestion } from '../src/tooling/evaluation';
import type { ContentLibrary } from '../src/core/content/library';

/** The last commit before issue 12 changed the search. */
const LEGACY_COMMIT = '3ea2a1e';

interface LegacyHit {
  id: string;
}
interface LegacyModule {
  documentsFrom(library: ContentLibrary): unknown;
  GuidanceSearch: new (documents: unknown) => { search(q: string, limit: number): LegacyHit[]; classify(q: string): { type: string } };
}

/** The old engine's two files, from git, with their imports pointed back at today's tree (types only). */
async function legacyEngine(): Promise<LegacyModule> {
  const dir = join(PROJECT_ROOT, 'bench', '.legacy');
  mkdirSync(dir, { recursive: true });
  for (const file of ['search.ts', 'text.ts']) {
    const source = execFileSync('git', ['show', `${LEGACY_COMMIT}:src/core/search/${file}`], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    writeFileSync(join(dir, file), source.replace(/'\.\.\/content\//g, "'../../src/core/content/"));
  }
  return (await import(pathToFileURL(join(dir, 'search.ts')).href)) as LegacyModule;
}

interface Method {
  name: string;
  rank: (q: string) => string[];
  /** Whether the method gives an answer (or a "did you mean") rather than the fallback; undefined without a gate. */
  answers?: (q: string) => boolean;
}

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const corpus = documentsFrom(library);

async function main(): Promise<void> {
  const old = await legacyEngine();
  const legacy = new old.GuidanceSearch(old.documentsFrom(library));
  const plain = new MiniSearch<{ id: number } & Record<keyof typeof FIELD_WEIGHTS, string>>({ fields: Object.keys(FIELD_WEIGHTS) });
  plain.addAll(corpus.documents.map((doc, id) => ({ id, ...doc.fields })));
  const waypoint = new GuidanceSearch(corpus);

  const methods: Method[] = [
    {
      name: 'before issue 12 (hand-written)',
      rank: (q) => legacy.search(q, 3).map((h) => h.id),
      answers: (q) => legacy.classify(q).type !== 'none',
    },
    {
      name: 'MiniSearch BM25 (prefix, fuzzy)',
      rank: (q) => plain.search(q, { boost: FIELD_WEIGHTS, prefix: true, fuzzy: 0.2 }).slice(0, 3).map((r) => corpus.documents[r.id as number]?.id ?? ''),
    },
    {
      name: "Waypoint's method",
      rank: (q) => waypoint.search(q, 3).map((h) => h.id),
      answers: (q) => waypoint.classify(q).type !== 'none',
    },
  ];

  const questions: SearchQuestion[] = loadEvalSets(PROJECT_ROOT).flatMap((s) => (s.split === 'validation' && s.type === 'search' ? s.items : []));
  const inScope = questions.filter((q) => Array.isArray(q.expect));
  const offTopic = questions.filter((q) => q.expect === 'off-topic');

  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  const lines = [
    `Validation: ${inScope.length} in-scope questions, ${offTopic.length} off-topic.`,
    '',
    '| method | top-1 | top-3 | found nothing | off-topic handled | p50 ms | p99 ms |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const method of methods) {
    for (const q of questions) method.rank(q.q); // warm the code and any caches once, as a running server would be
    let top1 = 0;
    let top3 = 0;
    let nothing = 0;
    let handled = 0;
    const times: number[] = [];
    for (const { q, expect } of inScope) {
      const start = process.hrtime.bigint();
      const ranked = method.rank(q);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const ids = expect as string[];
      if (ids.includes(ranked[0] ?? '')) top1 += 1;
      if (ranked.some((id) => ids.includes(id))) top3 += 1;
      if (method.answers && !method.answers(q)) nothing += 1;
    }
    for (const { q } of offTopic) if (method.answers && !method.answers(q)) handled += 1;
    times.sort((a, b) => a - b);
    const at = (p: number) => (times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(3);
    const gated = method.answers !== undefined;
    lines.push(
      `| ${method.name} | ${pct(top1, inScope.length)} | ${pct(top3, inScope.length)} | ${gated ? pct(nothing, inScope.length) : 'no gate'} | ${gated ? pct(handled, offTopic.length) : 'no gate'} | ${at(50)} | ${at(99)} |`,
    );
  }
  console.log(lines.join('\n'));
}

void main();
