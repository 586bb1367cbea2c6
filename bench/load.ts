/**
 * Waypoint over HTTP under load: starts each server in its own process
 * (bench/server.ts) and drives it with autocannon over loopback, every
 * request a Teams-shaped message posted with deliveryMode "expectReplies" so
 * the replies come back in the response, as in local mode.
 *
 *   echo           the baseline: the same restify server and CloudAdapter, a bot that only echoes the text
 *   stateful-echo  the echo, reading and saving conversation state every turn: what state costs
 *   search         Waypoint answering a worker's question
 *   tree           Waypoint walking a decision tree: start third-party-report, then choose at its first step
 *
 * So that nothing flatters Waypoint:
 *   - the rows are interleaved (echo, stateful echo, search, tree, then again) over several rounds,
 *     so a machine that is busier at one moment slows every row alike, and each row reports its
 *     median with its min and max;
 *   - questions come from a pool of distinct ones (the project's question sets, each also in a few
 *     framings a worker might add), taken in turn and never repeated within a round, so no whole
 *     question is ever answered twice from a cache;
 *   - the servers log at the production level (the lines are written, then discarded);
 *   - every response is checked: its status, and that it carries what the row expects (the echoed
 *     text, a guidance reply, the tree step at the right node).
 *
 * Conversations: each request takes the next of a pool of conversation ids (a tree step keeps its
 * conversation for the start and the choice), so no conversation sees two requests at once, none
 * exceeds the server's per-conversation rate limit, and state stays bounded. A warm-up, not
 * measured, touches every conversation of the pool once and warms each server up.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/paths';
import type { ChildMessage, ParentMessage, ServerMode } from './server';

export interface LoadOptions {
  /** Seconds measured per row in each round. */
  seconds: number;
  /** How many times every row is run, interleaved. */
  rounds: number;
  connections: number;
  /** Questions for the search and echo rows (made distinct and varied by questionPool). */
  questions: string[];
  /** Only these rows (all of ROWS by default), e.g. to profile one kind of turn. */
  rows?: ReadonlyArray<(typeof ROWS)[number]>;
}

/** One row's figures in one round. */
export interface RoundResult {
  rps: number;
  p50: number;
  p99: number;
}

export interface LoadResult {
  name: string;
  /** Each round's figures, in order. */
  rounds: RoundResult[];
  /** Medians over the rounds. */
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Responses parsed and checked, and how many of them were not what the scenario expects. */
  checked: number;
  wrong: number;
  /** The first wrong response, shortened, to say what went wrong. */
  wrongExample?: string;
  /** The server's resident set size once started, and its peak during the measured run, in bytes. */
  startRss: number;
  peakRss: number;
  /** CPU time the server used during the measured runs, in ms. */
  serverCpuMs: number;
  /** Search questions asked more than once within one round (must be 0: the pool is larger than a round); 0 for the other rows. */
  repeats: number;
}

/** Conversations in the pool: a conversation then sees a request about every POOL / rps seconds. */
const POOL = 1000;

/**
 * Ways a worker might wrap a question, to make each of the project's questions several distinct
 * messages. Only framing: no word in them is a search term or a danger word.
 */
const FRAMINGS: Array<(q: string) => string> = [
  (q) => q,
  (q) => `quick question, ${q}`,
  (q) => `${q} thanks`,
  (q) => `sorry to ask but ${q}`,
  (q) => `${q}?? cheers`,
  (q) => `hiya, ${q}`,
  (q) => `can you tell me ${q}`,
  (q) => `${q} (asking for the team)`,
];

/** The questions, each in every framing, distinct and in a fixed interleaved order. */
export function questionPool(questions: string[]): string[] {
  const distinct = [...new Set(questions)];
  const pool = new Set<string>();
  for (const frame of FRAMINGS) for (const q of distinct) pool.add(frame(q));
  return [...pool];
}

const TREE = 'third-party-report';
const TENANT = '11111111-2222-3333-4444-555555555555';

interface Server {
  url: string;
  startRss: number;
  /** Starts a new measurement window. */
  reset(): void;
  /** The server's peak RSS and CPU time since the last reset. */
  report(): Promise<{ peakRss: number; cpuMs: number }>;
  close(): Promise<void>;
}

/** Starts bench/server.ts in a child process (under tsx, as `tsx bench/server.ts`) and waits until it listens. */
async function startServer(mode: ServerMode): Promise<Server> {
  const child: ChildProcess = fork(join(__dirname, 'server.ts'), [mode], {
    // As `npm start` runs it (without the DEP0111 warning), with TypeScript loaded by tsx.
    execArgv: ['--import', 'tsx', '--disable-warning=DEP0111', ...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [])],
    cwd: PROJECT_ROOT,
    // stdout carries the server's log lines: written, as in production, then discarded here.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { port, rss } = await new Promise<{ port: number; rss: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${mode} server did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`the ${mode} server exited (code ${code}) before listening`)));
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'listening') {
        clearTimeout(timer);
        resolve(message);
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    startRss: rss,
    reset: () => child.send({ type: 'reset' } satisfies ParentMessage),
    report: () =>
      new Promise((resolve) => {
        const onMessage = (reply: ChildMessage) => {
          if (reply.type !== 'report') return;
          child.off('message', onMessage);
          resolve({ peakRss: reply.peakRss, cpuMs: reply.cpuMs });
        };
        child.on('message', onMessage);
        child.send({ type: 'report' } satisfies ParentMessage);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // Closing the IPC channel ends the server (see bench/server.ts); SIGTERM if it lingers.
        child.disconnect();
        setTimeout(() => child.kill('SIGTERM'), 5_000).unref();
      }),
  };
}

/** A Teams-shaped message in a one-to-one chat, with the replies expected in the response. */
function activity(conversation: number, fields: Record<string, unknown>): string {
  return JSON.stringify({
    type: 'message',
    id: `bench-${conversation}-${Date.now()}`,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    timestamp: new Date().toISOString(),
    from: { id: `29:bench-user-${conversation}`, name: 'Worker' },
    recipient: { id: '28:waypoint-bot', name: 'Waypoint' },
    conversation: { id: `a:bench-${conversation}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    deliveryMode: 'expectReplies',
    ...fields,
  });
}

interface Reply {
  type: string;
  text?: string;
  channelData?: { guidance?: { kind?: string; id?: string; node?: string } };
}

/** What a response must carry, or why it does not. */
type Check = (replies: Reply[], context: Context) => string | undefined;

interface Context {
  conversation?: number;
  question?: string;
}

interface Scenario {
  name: string;
  mode: ServerMode;
  /** One cycle of requests; each cycle takes the next conversation of the pool. */
  requests: autocannon.Request[];
  /** Requests in one cycle. */
  cycle: number;
}

class Checker {
  checked = 0;
  wrong = 0;
  wrongExample?: string;

  reset(): void {
    this.checked = 0;
    this.wrong = 0;
    this.wrongExample = undefined;
  }

  /** Wraps a check so every successful response is parsed and checked (failed ones are counted by status). */
  onResponse(check: Check): NonNullable<autocannon.Request['onResponse']> {
    return (status, body, context) => {
      if (status >= 300) return;
      this.checked += 1;
      let fault: string | undefined;
      try {
        const replies = ((JSON.parse(body) as { activities?: Reply[] }).activities ?? []).filter((a) => a.type === 'message');
        fault = check(replies, context as Context);
      } catch (error) {
        fault = `unreadable response (${error instanceof Error ? error.message : String(error)})`;
      }
      if (fault) {
        this.wrong += 1;
        this.wrongExample ??= `${fault}: ${body.slice(0, 300)}`;
      }
    };
  }
}

/** The guidance kinds a question can get: an answer, "did you mean", the fallback, or the emergency reply. */
const ANSWER_KINDS = new Set(['card', 'choices', 'fallback', 'emergency', 'tree']);

/** Hands out the pool's questions in turn, and counts any asked twice since the round began. */
class Questions {
  private cursor = 0;
  private askedThisRound = 0;
  repeats = 0;

  constructor(private readonly pool: string[]) {}

  next(): string {
    this.askedThisRound += 1;
    if (this.askedThisRound > this.pool.length) this.repeats += 1;
    const question = this.pool[this.cursor] as string;
    this.cursor = (this.cursor + 1) % this.pool.length;
    return question;
  }

  newRound(): void {
    this.askedThisRound = 0;
    this.repeats = 0;
  }
}

function scenarios(questions: Questions, checker: Checker): Scenario[] {
  let next = 0;
  const conversation = () => (next = (next + 1) % POOL);
  const headers = { 'content-type': 'application/json' };
  const ask = (check: Check): autocannon.Request => ({
    method: 'POST',
    headers,
    setupRequest: (request, context) => {
      const ctx = context as Context;
      ctx.conversation = conversation();
      ctx.question = questions.next();
      return { ...request, body: activity(ctx.conversation, { text: ctx.question }) };
    },
    onResponse: checker.onResponse(check),
  });
  const last = (replies: Reply[]) => replies.at(-1)?.channelData?.guidance;
  const treeStep = (node: string): Check => (replies) => {
    const guidance = last(replies);
    return guidance?.kind === 'tree' && guidance.id === TREE && guidance.node === node
      ? undefined
      : `expected the ${TREE} step ${node}, got ${guidance?.kind ?? 'no guidance'} ${guidance?.id ?? ''} ${guidance?.node ?? ''}`;
  };
  const echoed: Check = (replies, ctx) => (replies.length === 1 && replies[0]?.text === ctx.question ? undefined : 'expected the text echoed');
  return [
    { name: 'echo', mode: 'echo', cycle: 1, requests: [ask(echoed)] },
    { name: 'stateful-echo', mode: 'stateful-echo', cycle: 1, requests: [ask(echoed)] },
    {
      name: 'search',
      mode: 'waypoint',
      cycle: 1,
      requests: [
        ask((replies) => {
          const kind = last(replies)?.kind ?? 'no guidance';
          return ANSWER_KINDS.has(kind) ? undefined : `expected an answer, "did you mean" or the fallback, got ${kind}`;
        }),
      ],
    },
    {
      name: 'tree',
      mode: 'waypoint',
      cycle: 2,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (request, context) => {
            const ctx = context as Context;
            ctx.conversation = conversation();
            return { ...request, body: activity(ctx.conversation, { value: { action: 'start', tree: TREE } }) };
          },
          onResponse: checker.onResponse(treeStep('danger-now')),
        },
        {
          method: 'POST',
          headers,
          setupRequest: (request, context) => {
            const ctx = context as Context;
            return {
              ...request,
              body: activity(ctx.conversation ?? 0, { value: { action: 'choose', tree: TREE, node: 'danger-now', choice: 'no' } }),
            };
          },
          onResponse: checker.onResponse(treeStep('try-consent')),
        },
      ],
    },
  ];
}

function cannon(url: string, scenario: Scenario, connections: number, limit: { seconds: number } | { amount: number }) {
  return autocannon({
    url,
    connections,
    requests: scenario.requests,
    ...('seconds' in limit ? { duration: limit.seconds } : { amount: limit.amount }),
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Whether a row's responses were all sound: no failed status, no error, every response what the row expects, no question repeated. */
export function sound(r: LoadResult): boolean {
  return r.non2xx === 0 && r.errors === 0 && r.timeouts === 0 && r.wrong === 0 && r.checked > 0 && r.repeats === 0;
}

/** The rows, in the order each round runs them. */
export const ROWS = ['echo', 'stateful-echo', 'search', 'tree'] as const;

/**
 * Starts one server per mode (the search and tree rows share Waypoint's), warms each up, then runs
 * every row for `seconds` in each of `rounds` rounds, interleaved, and returns each row's medians
 * (with every round's figures) and its totals.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult[]> {
  const checker = new Checker();
  const questions = new Questions(questionPool(options.questions));
  const all = scenarios(questions, checker);
  const servers = new Map<ServerMode, Server>();
  try {
    const names = ROWS.filter((name) => !options.rows || options.rows.includes(name));
    for (const name of names) {
      const mode = (all.find((s) => s.name === name) as Scenario).mode;
      if (!servers.has(mode)) servers.set(mode, await startServer(mode));
    }
    const rows = names.map((name) => ({ scenario: all.find((s) => s.name === name) as Scenario, runs: [] as Array<{ result: autocannon.Result; cpuMs: number; peakRss: number; checked: number; wrong: number; wrongExample?: string; repeats: number }> }));
    // Warm-up, not measured: every conversation of the pool once, on every row.
    for (const { scenario } of rows) await cannon((servers.get(scenario.mode) as Server).url, scenario, options.connections, { amount: POOL * scenario.cycle });
    for (let round = 0; round < options.rounds; round += 1) {
      for (const row of rows) {
        const server = servers.get(row.scenario.mode) as Server;
        checker.reset();
        questions.newRound();
        server.reset();
        const result = await cannon(server.url, row.scenario, options.connections, { seconds: options.seconds });
        const usage = await server.report();
        row.runs.push({ result, cpuMs: usage.cpuMs, peakRss: usage.peakRss, checked: checker.checked, wrong: checker.wrong, wrongExample: checker.wrongExample, repeats: questions.repeats });
      }
    }
    return rows.map(({ scenario, runs }) => {
      const server = servers.get(scenario.mode) as Server;
      const sum = (pick: (run: (typeof runs)[number]) => number) => runs.reduce((total, run) => total + pick(run), 0);
      return {
        name: scenario.name,
        rounds: runs.map(({ result }) => ({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 })),
        requests: sum((run) => run.result.requests.total),
        rps: median(runs.map(({ result }) => result.requests.average)),
        p50: median(runs.map(({ result }) => result.latency.p50)),
        p99: median(runs.map(({ result }) => result.latency.p99)),
        non2xx: sum((run) => run.result.non2xx),
        errors: sum((run) => run.result.errors),
        timeouts: sum((run) => run.result.timeouts),
        checked: sum((run) => run.checked),
        wrong: sum((run) => run.wrong),
        wrongExample: runs.find((run) => run.wrongExample)?.wrongExample,
        startRss: server.startRss,
        peakRss: Math.max(...runs.map((run) => run.peakRss)),
        serverCpuMs: sum((run) => run.cpuMs),
        // Only Waypoint could be flattered by a repeated question (its caches); the echo rows may reuse them.
        repeats: scenario.name === 'search' ? sum((run) => run.repeats) : 0,
      };
    });
  } finally {
    await Promise.all([...servers.values()].map((server) => server.close()));
  }
}
