/**
 * Several instances on one Azure Blob container (Azurite), as real server
 * processes: a tree walked with its turns alternating between two instances
 * ends correctly, and a conversation carries on after the instance it was on
 * is killed mid-tree and a new one takes over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalConversation, type BotReply } from '../../src/client/localClient';
import { PROJECT_ROOT } from '../../src/paths';
import { blobStorageConfig } from '../support/blobs';
import { freePort } from '../support/net';

const storage = blobStorageConfig('instances');
const running = new Set<ChildProcess>();

/** Starts `src/index.ts` as its own process on the shared container, and waits until it is healthy. */
async function startInstance(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  // node itself, not the tsx wrapper, so a kill reaches the server and not just a launcher.
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'index.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: storage.connectionString,
      BLOB_CONTAINER: storage.container,
    },
    stdio: 'ignore',
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { url: `${url}/api/messages`, process: child };
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error('instance did not become healthy');
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

afterAll(async () => {
  await Promise.all([...running].map(kill));
});

const guidance = (replies: BotReply[]) => replies.at(-1)?.channelData?.guidance;

describe('two Waypoint processes on one Azure Blob container', () => {
  it('walk a tree to its outcome with the turns alternating between them', async () => {
    const [a, b] = await Promise.all([startInstance(), startInstance()]);
    const conversation = new LocalConversation(a.url);
    const ends = [conversation, conversation.at(b.url)];
    let replies = await conversation.press({ action: 'start', tree: 'third-party-report' });
    const visited: string[] = [];
    for (let turn = 1; turn < 12 && !guidance(replies)?.outcome; turn += 1) {
      visited.push(guidance(replies)?.node ?? '');
      replies = await (ends[turn % 2] as LocalConversation).press(guidance(replies)?.choices[0]?.value);
    }
    expect(guidance(replies)).toMatchObject({ kind: 'tree', id: 'third-party-report', outcome: true });
    // Back on the other instance retraces the walk: every instance saw every step.
    const back = await (ends[visited.length % 2] as LocalConversation).say('back');
    expect(guidance(back)?.node).toBe(visited.at(-1));
  }, 60_000);

  it('carry a conversation on when its instance is killed mid-tree and a new one takes over', async () => {
    const first = await startInstance();
    const conversation = new LocalConversation(first.url);
    const started = await conversation.press({ action: 'start', tree: 'couples-housing' });
    // The second answer: the first (someone is in danger now) raises the emergency reply, not a step.
    const step = await conversation.press(guidance(started)?.choices[1]?.value);
    const node = guidance(step)?.node;
    await kill(first.process);

    const second = await startInstance();
    const resumed = await conversation.at(second.url).say('resume');
    expect(guidance(resumed)).toMatchObject({ kind: 'tree', id: 'couples-housing', node });
    const next = await conversation.at(second.url).press(guidance(resumed)?.choices[0]?.value);
    expect(guidance(next)?.kind).toBe('tree');
    expect(guidance(next)?.node).not.toBe(node);
  }, 60_000);
});
