/**
 * Waypoint over HTTP under load: starts a server in its own process
 * (bench/server.ts) and drives it with autocannon over loopback, every
 * request a Teams-shaped message posted with deliveryMode "expectReplies" so
 * the replies come back in the response, as in local mode.
 *
 *   echo     the baseline: the same restify server and CloudAdapter, a bot that only echoes the text
 *   search   Waypoint answering a worker's question (golden queries in turn)
 *   tree     Waypoint walking a decision tree: start third-party-report, then choose at its first step
 *
 * Conversations: each request takes the next of a pool of conversation ids
 * (a tree step keeps its conversation for the start and the choice), so no
 * conversation sees two requests at once, none exceeds the server's
 * per-conversation rate limit, and state stays bounded. A warm-up pass, not
 * measured, touches every conversation of the pool once (so the welcome a
 * new conversation gets is out of the way) and warms up the server.
 *
 * Every response is counted by status; one in CHECK_EVERY is parsed and must
 * carry what the scenario expects (the echoed text, a guidance reply, the tree
 * step at the right node), so the benchmark cannot be measuring errors.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/paths';
import type { ChildMessage, ParentMessage, ServerMode } from './server';

export interface LoadOptions {
  /** Seconds measured per scenario. */
  seconds: number;
  connections: number;
  /** Questions for the search and echo scenarios. */
  questions: string[];
}

export interface LoadResult {
  name: string;
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
  /** CPU time the server used during the measured run, in ms. */
  serverCpuMs: number;
}

/** Conversations in the pool: a conversation then sees a request about every POOL / rps seconds. */
const POOL = 1000;

/** One response in this many is parsed and checked. */
const CHECK_EVERY = 20;

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
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
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
  private seen = 0;

  reset(): void {
    this.checked = 0;
    this.wrong = 0;
    this.wrongExample = undefined;
    this.seen = 0;
  }

  /** Wraps a check so one response in CHECK_EVERY is parsed and checked. */
  onResponse(check: Check): NonNullable<autocannon.Request['onResponse']> {
    return (status, body, context) => {
      this.seen += 1;
      if (this.seen % CHECK_EVERY !== 0 || status >= 300) return;
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

function scenarios(questions: string[], checker: Checker): Scenario[] {
  let next = 0;
  let question = 0;
  const conversation = () => (next = (next + 1) % POOL);
  const headers = { 'content-type': 'application/json' };
  const ask = (check: Check): autocannon.Request => ({
    method: 'POST',
    headers,
    setupRequest: (request, context) => {
      const ctx = context as Context;
      ctx.conversation = conversation();
      ctx.question = questions[(question = (question + 1) % questions.length)] as string;
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
  return [
    {
      name: 'echo',
      mode: 'echo',
      cycle: 1,
      requests: [ask((replies, ctx) => (replies.length === 1 && replies[0]?.text === ctx.question ? undefined : 'expected the text echoed'))],
    },
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

/** Runs echo, search and tree in turn (each on a fresh server process) and returns their results. */
export async function runLoad(options: LoadOptions): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const name of ['echo', 'search', 'tree']) {
    const checker = new Checker();
    const scenario = scenarios(options.questions, checker).find((s) => s.name === name) as Scenario;
    const server = await startServer(scenario.mode);
    try {
      // Warm-up, not measured: every conversation of the pool once.
      await cannon(server.url, scenario, options.connections, { amount: POOL * scenario.cycle });
      checker.reset();
      server.reset();
      const result = await cannon(server.url, scenario, options.connections, { seconds: options.seconds });
      const usage = await server.report();
      results.push({
        name,
        requests: result.requests.total,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        checked: checker.checked,
        wrong: checker.wrong,
        wrongExample: checker.wrongExample,
        startRss: server.startRss,
        peakRss: usage.peakRss,
        serverCpuMs: usage.cpuMs,
      });
    } finally {
      await server.close();
    }
  }
  return results;
}
