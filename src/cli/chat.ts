/**
 * `npm run chat`: talk to Waypoint in the terminal. It starts the same bot as
 * `npm start` (in local mode, on a free loopback port) and talks to it over
 * HTTP, so what you see here is what Teams would get, as plain text.
 * Type a number to press a button. Ctrl+D or "quit" leaves.
 */
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { buildWaypoint } from '../index';
import { PROJECT_ROOT } from '../paths';
import { LocalConversation, type BotReply } from '../client/localClient';

const HOUR = 60 * 60 * 1000;

/** The Markdown as a reader sees it: no bold or italic marks, and escaped characters (typed text shown back) as themselves. */
function readable(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function show(replies: BotReply[]): void {
  for (const reply of replies) {
    // A fenced block (a case note) is plain text already: shown as it is, without its fence, to copy.
    const text = (reply.text ?? '')
      .split(/```\n([\s\S]*?)\n```/)
      .map((part, i) => (i % 2 === 1 ? part : readable(part)))
      .join('');
    console.log(`\nWaypoint:\n${text}\n`);
  }
}

async function main(): Promise<void> {
  const waypoint = buildWaypoint({
    port: 0,
    auth: {},
    allowedTenantIds: [],
    contentRoot: PROJECT_ROOT,
    sessionIdleMs: 12 * HOUR,
    // The chat is for people: keep the bot's own turn logs out of the way.
    logger: pino({ level: 'warn' }),
  });
  await new Promise<void>((resolve) => waypoint.server.listen(0, '127.0.0.1', resolve));
  const { port } = waypoint.server.address() as AddressInfo;
  const conversation = new LocalConversation(`http://127.0.0.1:${port}/api/messages`);

  show(await conversation.join());
  const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: 'You: ' });
  try {
    terminal.prompt();
    for await (const line of terminal) {
      if (['quit', 'exit'].includes(line.trim().toLowerCase())) break;
      if (line.trim()) show(await conversation.say(line));
      terminal.prompt();
    }
  } finally {
    terminal.close();
    waypoint.server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
