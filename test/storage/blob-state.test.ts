/**
 * State in Azure Blob Storage, on the real emulator (Azurite): conversations
 * survive a restart, idle state is deleted, and concurrent turns for one
 * conversation (a double tap reaching two instances) never advance a tree
 * twice: the storage refuses the second write and the turn is re-run on the
 * state the first one saved. The same double taps against a store that ignores
 * eTags are both applied, which shows what the protection prevents. GET /readyz
 * answers 503 while the emulator is stopped and 200 once it is back.
 */
import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotReply } from '../../src/client/localClient';
import { startTestBot, type TestBot } from '../support/bot';
import { startAzurite } from '../support/azuriteProcess';
import { blobStorageConfig } from '../support/blobs';
import { freePort } from '../support/net';
import { PROJECT_ROOT } from '../../src/paths';

const storage = blobStorageConfig('blob-state');
const direct = new BlobsStorage(storage.connectionString, storage.container);
const bots: TestBot[] = [];

async function start(options: { sessionIdleMs?: number } = {}): Promise<TestBot> {
  const bot = await startTestBot({ storage, ...options });
  bots.push(bot);
  return bot;
}

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.close()));
});

const guidance = (replies: BotReply[]) => replies.at(-1)?.channelData?.guidance;
const stateKey = (conversationId: string) => `test/conversations/${conversationId}/`;

interface StoredWalk {
  session?: { walk?: { tree: string; node: string; history: string[] } };
}
const walkIn = (item: unknown) => (item as StoredWalk | undefined)?.session?.walk;

describe('conversation state in Azure Blob Storage (Azurite)', () => {
  let first: TestBot;
  beforeAll(async () => {
    first = await start();
  });

  it('is written to the container and survives a restart of the bot', async () => {
    const conversation = first.conversation();
    const started = await conversation.press({ action: 'start', tree: 'third-party-report' });
    const choice = guidance(started)?.choices[0]?.value as { node: string };
    const step = await conversation.press(choice);
    const node = guidance(step)?.node;

    const stored = await direct.read([stateKey(conversation.conversationId)]);
    expect(walkIn(stored[stateKey(conversation.conversationId)])).toMatchObject({ tree: 'third-party-report', node });

    const restarted = await start();
    const back = await conversation.at(restarted.messagesUrl).say('back');
    expect(guidance(back)).toMatchObject({ kind: 'tree', id: 'third-party-report', node: choice.node });
  });

  it('deletes idle state: the next message starts afresh and the old walk is gone', async () => {
    const quick = await start({ sessionIdleMs: 300 });
    const conversation = quick.conversation();
    await conversation.press({ action: 'start', tree: 'couples-housing' });
    expect(walkIn((await direct.read([stateKey(conversation.conversationId)]))[stateKey(conversation.conversationId)])?.tree).toBe('couples-housing');
    await new Promise((resolve) => setTimeout(resolve, 450));
    const after = await conversation.say('back');
    expect(after.map((r) => r.channelData?.guidance?.kind)).toEqual(['welcome', 'menu']);
    const stored = (await direct.read([stateKey(conversation.conversationId)]))[stateKey(conversation.conversationId)];
    expect(walkIn(stored)).toBeUndefined();
  });

  it('applies a double tap reaching two instances at once only once', async () => {
    const second = await start();
    for (let round = 0; round < 5; round += 1) {
      const conversation = first.conversation();
      const started = await conversation.press({ action: 'start', tree: 'third-party-report' });
      const press = guidance(started)?.choices[0]?.value as { node: string };
      const [a, b] = await Promise.all([conversation.press(press), conversation.at(second.messagesUrl).press(press)]);
      const nodes = [guidance(a)?.node, guidance(b)?.node];
      // Both show the step after the press: one applied it, the other recognised it as already answered.
      expect(nodes[0]).toBe(nodes[1]);
      const texts = [...a, ...b].map((r) => r.text ?? '').join('\n');
      const stored = walkIn((await direct.read([stateKey(conversation.conversationId)]))[stateKey(conversation.conversationId)]);
      expect(stored?.history).toEqual([press.node]);
      expect(stored?.node).toBe(nodes[0]);
      if (/already answered/.test(texts)) expect(texts.match(/already answered/g)).toHaveLength(1);
    }
  });
});

/**
 * A Blob store whose writes wait a little, so two turns for one conversation both read before
 * either writes; with `ignoreETags`, it writes unconditionally, as a store without eTag
 * protection would (the last writer wins).
 */
function slowBlobs(container: string, options: { ignoreETags: boolean }): Storage {
  const blobs = new BlobsStorage(storage.connectionString, container);
  return {
    read: (keys) => blobs.read(keys),
    delete: (keys) => blobs.delete(keys),
    async write(changes) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const written = options.ignoreETags
        ? Object.fromEntries(Object.entries(changes).map(([key, item]) => [key, { ...item, eTag: '*' }]))
        : changes;
      return blobs.write(written);
    },
  };
}

/** Two instances on one store, a press sent to both at once: how many replies say it was already answered, per round. */
async function doubleTaps(store: Storage, rounds: number): Promise<number[]> {
  const a = await startTestBot({ storage: { kind: 'given', store } });
  const b = await startTestBot({ storage: { kind: 'given', store } });
  bots.push(a, b);
  const counts: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const conversation = a.conversation();
    const started = await conversation.press({ action: 'start', tree: 'third-party-report' });
    const press = guidance(started)?.choices[1]?.value;
    const [one, two] = await Promise.all([conversation.press(press), conversation.at(b.messagesUrl).press(press)]);
    counts.push(([...one, ...two].map((r) => r.text ?? '').join('\n').match(/already answered/g) ?? []).length);
  }
  return counts;
}

describe('eTag protection against a double tap on two instances', () => {
  it('with it, every double tap is applied once: the other tap is told it was already answered', async () => {
    const counts = await doubleTaps(slowBlobs(`etags-on-${Date.now()}`, { ignoreETags: false }), 3);
    expect(counts).toEqual([1, 1, 1]);
  });

  it('without it (a store that ignores eTags), the same double taps are both applied', async () => {
    const counts = await doubleTaps(slowBlobs(`etags-off-${Date.now()}`, { ignoreETags: true }), 3);
    expect(counts).toEqual([0, 0, 0]);
  });
});

describe('GET /readyz with Azure Blob Storage', () => {
  it('answers 503 while the storage emulator is stopped, and 200 again once it is back', async () => {
    const port = await freePort();
    let azurite = await startAzurite(port, PROJECT_ROOT);
    const bot = await startTestBot({ storage: { kind: 'blob', connectionString: azurite.connectionString, container: `readyz-${Date.now()}` } });
    bots.push(bot);
    try {
      expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
      await azurite.stop();
      const down = await fetch(`${bot.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ checks: { storage: false } });
      azurite = await startAzurite(port, PROJECT_ROOT);
      await expect.poll(async () => (await fetch(`${bot.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
    } finally {
      await azurite.stop();
    }
  });

  it('is ready when the container answers, and not ready (503) when storage cannot be reached', async () => {
    const up = await start();
    const ready = await fetch(`${up.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { content: true, storage: true } });

    // Port 9 (discard) on loopback: nothing listens there.
    const unreachable = { ...storage, connectionString: storage.connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:9') };
    const down = await startTestBot({ storage: unreachable });
    bots.push(down);
    const notReady = await fetch(`${down.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ checks: { storage: false } });
  });
});
