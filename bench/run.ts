/**
 * `npm run bench`: how fast Waypoint answers, over HTTP and in-process, and
 * how the cost of a search grows with the corpus. Prints Markdown tables on
 * stdout (progress goes to stderr) and exits 1 if any target is missed.
 *
 * 1. Over HTTP (bench/load.ts): the real server (bench/server.ts, wired as
 *    `npm start` wires it, local mode, logging at the production level) in its
 *    own process, driven by autocannon over loopback at 10 connections, with
 *    deliveryMode "expectReplies". Rows, interleaved over 3 rounds of 10 s each:
 *      (a) echo: the same restify server and CloudAdapter, a bot that only echoes;
 *      (a2) the echo reading and saving conversation state each turn (what state costs);
 *      (b) search: a worker's question, from a pool of distinct ones never repeated in a round;
 *      (c) tree: a decision-tree step (start third-party-report, then a choice).
 *    Each row reports its median with min and max. Targets (issue 14): (b) and (c)
 *    each at least 0.6 of (a)'s requests per second, and (b)'s p99 under twice
 *    (a)'s. Every response must be 2xx and what the row expects.
 *    `--smoke` (npm run bench:smoke, run in CI by test/bench/smoke.test.ts): one
 *    short round of every row, failing only on errors, never on a timing.
 * 2. In-process search (bench/search.ts) over the real corpus and synthetic
 *    corpora of 1,000 and 10,000 cards (bench/synthetic.ts). Targets: cold p99
 *    under 1 ms on the real corpus and under 5 ms at 10,000 cards, and the
 *    compose-box search p99 under 20 ms.
 *
 * Run: npm run bench (tsx bench/run.ts). BENCH_SERVER_ARGS passes node flags to
 * the server processes, e.g. BENCH_SERVER_ARGS=--cpu-prof to profile them.
 */
import { cpus, totalmem } from 'node:os';
import { runLoad, sound, type LoadResult } from './load';
import { goldenQueries, searchBenchmark, searchTable } from './search';

const SECONDS = 10;
const ROUNDS = 3;
const CONNECTIONS = 10;
/** Search and tree turns must reach this share of the echo baseline's requests per second (issue 14). */
const TARGET_RATIO = 0.6;
/** ... and a search turn's p99 must stay under this multiple of the echo's. */
const TARGET_P99_MULTIPLE = 2;
/** The smoke run (CI): one short round of every row, failing only on errors. */
const SMOKE_SECONDS = 2.5;

const LABELS: Record<string, string> = {
  echo: '(a) echo baseline',
  'stateful-echo': '(a2) echo reading and saving state',
  search: '(b) search question',
  tree: '(c) tree step',
};

const thousands = (n: number) => Math.round(n).toLocaleString('en-GB');
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const spread = (values: number[], format: (n: number) => string) => `${format(Math.min(...values))}–${format(Math.max(...values))}`;

function loadTable(results: LoadResult[]): { lines: string[]; met: boolean } {
  const echo = results.find((r) => r.name === 'echo');
  const lines = [
    '| scenario | rounds | requests | req/s median (min–max) | p50 ms median | p99 ms median (min–max) | non-2xx | errors | checked (wrong) | questions repeated in a round | server CPU per request, ms | server RSS at start → peak, MB | vs echo (req/s) | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  let met = true;
  for (const r of results) {
    const ratio = echo && echo.rps > 0 ? r.rps / echo.rps : 0;
    let target = '';
    if (r.name === 'search' || r.name === 'tree') {
      const fast = ratio >= TARGET_RATIO;
      const tail = r.name !== 'search' || (echo !== undefined && r.p99 < TARGET_P99_MULTIPLE * echo.p99);
      if (!fast || !tail) met = false;
      target = `≥ ${TARGET_RATIO}: ${fast ? 'met' : '**missed**'}`;
      if (r.name === 'search') target += `; p99 < ${TARGET_P99_MULTIPLE}× echo: ${tail ? 'met' : '**missed**'}`;
    }
    if (!sound(r)) met = false;
    const rps = r.rounds.map((round) => round.rps);
    const p99 = r.rounds.map((round) => round.p99);
    lines.push(
      `| ${LABELS[r.name] ?? r.name} | ${r.rounds.length} | ${thousands(r.requests)} | ${thousands(r.rps)} (${spread(rps, thousands)}) | ${r.p50} | ${r.p99} (${spread(p99, String)}) | ${r.non2xx} | ${r.errors + r.timeouts} | ${r.checked} (${r.wrong}) | ${r.name === 'search' ? r.repeats : '–'} | ${(r.serverCpuMs / Math.max(1, r.requests)).toFixed(2)} | ${mb(r.startRss)} → ${mb(r.peakRss)} | ${ratio.toFixed(2)} | ${target} |`,
    );
  }
  return { lines, met };
}

/** `--smoke`: one short round of every row, for CI; fails only on errors, never on a timing. */
async function smoke(): Promise<void> {
  const load = await runLoad({ seconds: SMOKE_SECONDS, rounds: 1, connections: CONNECTIONS, questions: goldenQueries({ answerable: true }) });
  const faulty = load.filter((r) => !sound(r));
  for (const r of load) console.log(`${r.name}: ${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors + r.timeouts} errors, ${r.checked} checked (${r.wrong} wrong), ${r.repeats} repeated`);
  for (const r of faulty) console.error(`${r.name} had errors${r.wrongExample ? `: ${r.wrongExample}` : ''}`);
  process.exitCode = faulty.length === 0 ? 0 : 1;
}

async function main(): Promise<void> {
  const started = Date.now();
  const cpu = cpus();
  const machine = `${cpu.length} CPU cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}-${process.arch}`;
  let met = true;
  const out: string[] = ['## Waypoint benchmark', '', `Machine: ${machine}.`, ''];

  console.error(`Load: echo, stateful echo, search, tree, interleaved, ${ROUNDS} rounds of ${SECONDS} s each at ${CONNECTIONS} connections (plus start-up and warm-up)...`);
  const load = await runLoad({ seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, questions: goldenQueries({ answerable: true }) });
  const http = loadTable(load);
  met &&= http.met;
  out.push(`### Over HTTP: ${ROUNDS} interleaved rounds of ${SECONDS} s per row, ${CONNECTIONS} connections, loopback, expectReplies, logging at info`, '', ...http.lines, '');
  for (const r of load.filter((l) => l.wrongExample)) out.push(`Wrong response in ${r.name}: ${r.wrongExample}`, '');

  console.error('Search in-process: real corpus, then synthetic corpora of 1,000 and 10,000 cards...');
  const search = searchTable(searchBenchmark());
  met &&= search.met;
  out.push('### Search in-process (golden queries)', '', ...search.lines, '');

  out.push(`${met ? 'Every target met.' : 'A target was missed.'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log(out.join('\n'));
  process.exitCode = met ? 0 : 1;
}

(process.argv.includes('--smoke') ? smoke() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
