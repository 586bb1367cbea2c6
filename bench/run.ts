/**
 * `npm run bench`: how fast Waypoint answers, over HTTP and in-process, and
 * how the cost of a search grows with the corpus. Prints Markdown tables on
 * stdout (progress goes to stderr) and exits 1 if any target is missed.
 *
 * 1. Over HTTP (bench/load.ts): the real server (bench/server.ts, wired as
 *    `npm start` wires it, local mode, logging off) in its own process, driven
 *    by autocannon over loopback for 10 seconds per row at 10 connections, with
 *    deliveryMode "expectReplies":
 *      (a) echo: the same restify server and CloudAdapter, a bot that only echoes;
 *      (b) search: a worker's question (the in-scope questions of eval/'s search sets in turn);
 *      (c) tree: a decision-tree step (start third-party-report, then a choice).
 *    Target: (b) and (c) each at least 0.8 of (a)'s requests per second, so
 *    Waypoint's own work is a small part of a turn. Every response must be 2xx,
 *    and the responses checked must be what the scenario expects.
 * 2. In-process search (bench/search.ts) over the real corpus and synthetic
 *    corpora of 1,000 and 10,000 cards (bench/synthetic.ts). Targets: cold p99
 *    under 1 ms on the real corpus and under 5 ms at 10,000 cards, and the
 *    compose-box search p99 under 20 ms.
 *
 * Run: npm run bench (tsx bench/run.ts). BENCH_SERVER_ARGS passes node flags to
 * the server processes, e.g. BENCH_SERVER_ARGS=--cpu-prof to profile them.
 */
import { cpus, totalmem } from 'node:os';
import { runLoad, type LoadResult } from './load';
import { goldenQueries, searchBenchmark, searchTable } from './search';

const SECONDS = 10;
const CONNECTIONS = 10;
/** (b) and (c) must reach this share of the echo baseline's requests per second. */
const TARGET_RATIO = 0.8;

const LABELS: Record<string, string> = {
  echo: '(a) echo baseline',
  search: '(b) search question',
  tree: '(c) tree step',
};

const thousands = (n: number) => Math.round(n).toLocaleString('en-GB');
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

function loadTable(results: LoadResult[]): { lines: string[]; met: boolean } {
  const echo = results.find((r) => r.name === 'echo');
  const lines = [
    '| scenario | requests | req/s | p50 ms | p99 ms | non-2xx | errors | checked (wrong) | server CPU per request, ms | server RSS at start → peak, MB | vs echo | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  let met = true;
  for (const r of results) {
    const ratio = echo && echo.rps > 0 ? r.rps / echo.rps : 0;
    const sound = r.non2xx === 0 && r.errors === 0 && r.timeouts === 0 && r.wrong === 0 && r.checked > 0;
    const ratioMet = r.name === 'echo' || ratio >= TARGET_RATIO;
    if (!sound || !ratioMet) met = false;
    const target = r.name === 'echo' ? '' : `≥ ${TARGET_RATIO}: ${ratioMet ? 'met' : '**missed**'}`;
    lines.push(
      `| ${LABELS[r.name] ?? r.name} | ${thousands(r.requests)} | ${thousands(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors + r.timeouts} | ${r.checked} (${r.wrong}) | ${(r.serverCpuMs / Math.max(1, r.requests)).toFixed(2)} | ${mb(r.startRss)} → ${mb(r.peakRss)} | ${ratio.toFixed(2)} | ${target} |`,
    );
  }
  return { lines, met };
}

async function main(): Promise<void> {
  const started = Date.now();
  const cpu = cpus();
  const machine = `${cpu.length} CPU cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}-${process.arch}`;
  let met = true;
  const out: string[] = ['## Waypoint benchmark', '', `Machine: ${machine}.`, ''];

  console.error(`Load: echo, search, tree, ${SECONDS} s each at ${CONNECTIONS} connections (plus start-up and warm-up)...`);
  const load = await runLoad({ seconds: SECONDS, connections: CONNECTIONS, questions: goldenQueries({ answerable: true }) });
  const http = loadTable(load);
  met &&= http.met;
  out.push(`### Over HTTP: ${SECONDS} s per row, ${CONNECTIONS} connections, loopback, expectReplies`, '', ...http.lines, '');
  for (const r of load.filter((l) => l.wrongExample)) out.push(`Wrong response in ${r.name}: ${r.wrongExample}`, '');

  console.error('Search in-process: real corpus, then synthetic corpora of 1,000 and 10,000 cards...');
  const search = searchTable(searchBenchmark());
  met &&= search.met;
  out.push('### Search in-process (golden queries)', '', ...search.lines, '');

  out.push(`${met ? 'Every target met.' : 'A target was missed.'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log(out.join('\n'));
  process.exitCode = met ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
