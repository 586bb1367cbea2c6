/**
 * State in Azure Blob Storage, on the real emulator (Azurite): conversations
 * survive a restart, idle state is deleted, and concurrent turns for one
 * conversation (a double tap reaching two instances) never advance a tree
 * twice: the storage refuses the second write and the turn is re-run on the
 * state the first one saved.
 */
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotReply } from '../../src/client/localClient';
import { startTestBot, type TestBot } from '../support/bot';
import { blobStorageConfig } from '../support/blobs';

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
  dialogState?: { dialogStack?: Array<{ state?: { session?: { walk?: { tree: string; node: string; history: string[] } } } }> };
}
const walkIn = (item: unknown) => (item as StoredWalk | undefined)?.dialogState?.dialogStack?.[0]?.state?.session?.walk;

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

describe('GET /readyz with Azure Blob Storage', () => {
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
