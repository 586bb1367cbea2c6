/**
 * What a turn costs in storage: one read of the conversation's item, a write
 * only when the turn changed the session, the practice record read only on
 * practice turns, and conditional writes (eTags), so of two turns that read
 * the same state the second to save is refused instead of overwriting the
 * first. The counts are taken through the real server, on a store that
 * counts what it is asked.
 */
import { MemoryStorage, TestAdapter, TurnContext, type StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalConversation } from '../../src/client/localClient';
import { isConflict, TurnStateStore } from '../../src/bot/turnState';
import type { Session } from '../../src/core/conversation/types';
import { blobStorageConfig } from '../support/blobs';
import { startTestBot, type TestBot } from '../support/bot';

const blob = blobStorageConfig('turnstate');

/** A turn's context for a message in `conversation` from `user`, as the adapter would build it. */
function contextFor(conversation: string, user = 'user-1'): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: user, name: '' },
    recipient: { id: 'waypoint', name: '' },
    serviceUrl: 'http://localhost',
  });
}

const at = (node: string): Session => ({ offered: [], introduced: true, lastActive: 1, walk: { tree: 'couples-housing', node, history: [] } });

describe.each([
  ['MemoryStorage', () => new MemoryStorage()],
  ['BlobsStorage on Azurite', () => new BlobsStorage(blob.connectionString, blob.container)],
])('TurnState over %s', (_name, makeStore) => {
  it('refuses the second of two turns that read the same state, and lets a turn that read again save', async () => {
    const states = new TurnStateStore(makeStore());
    const context = contextFor(`conversation-${randomUUID()}`);
    const first = await states.read(context);
    first.session = at('start');
    await first.save();

    const turnA = await states.read(context);
    const turnB = await states.read(context);
    turnB.session = at('from-b');
    await turnB.save();
    turnA.session = at('from-a');
    const outcome = await turnA.save().then(() => 'saved', (error: unknown) => (isConflict(error) ? 'conflict' : String(error)));
    expect(outcome).toBe('conflict');
    expect((await states.read(context)).session?.walk?.node).toBe('from-b');

    const retried = await states.read(context);
    retried.session = at('from-a-retried');
    await retried.save();
    expect((await states.read(context)).session?.walk?.node).toBe('from-a-retried');
  });
});

/** MemoryStorage that records every key it is asked to read or write. */
class CountingStore extends MemoryStorage {
  readonly reads: string[] = [];
  readonly writes: string[] = [];
  override read(keys: string[]) {
    this.reads.push(...keys);
    return super.read(keys);
  }
  override write(changes: StoreItems) {
    this.writes.push(...Object.keys(changes));
    return super.write(changes);
  }
  /** What the next `count` call will report from. */
  reset(): void {
    this.reads.length = 0;
    this.writes.length = 0;
  }
}

describe('storage per turn, through the real server', () => {
  const store = new CountingStore();
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ storage: { kind: 'given', store } });
  });
  afterAll(async () => {
    await bot.close();
  });

  /** Reads and writes during one turn, by kind of item. */
  async function count(turn: () => Promise<unknown>) {
    store.reset();
    await turn();
    const kind = (key: string) => (key.includes('/users/') ? 'user' : 'conversation');
    const tally = (keys: string[], of: string) => keys.filter((key) => kind(key) === of).length;
    return {
      conversationReads: tally(store.reads, 'conversation'),
      conversationWrites: tally(store.writes, 'conversation'),
      userReads: tally(store.reads, 'user'),
      userWrites: tally(store.writes, 'user'),
    };
  }

  it('a question: one read and one write; the same question again changes nothing, so nothing is written', async () => {
    const conversation = bot.conversation();
    expect(await count(() => conversation.say('what is marac'))).toEqual({ conversationReads: 1, conversationWrites: 1, userReads: 0, userWrites: 0 });
    expect(await count(() => conversation.say('what is marac'))).toEqual({ conversationReads: 1, conversationWrites: 0, userReads: 0, userWrites: 0 });
  });

  it('a tree step: one read and one write, and never the practice record', async () => {
    const conversation = bot.conversation();
    await conversation.press({ action: 'start', tree: 'couples-housing' });
    expect(await count(() => conversation.say('1'))).toEqual({ conversationReads: 1, conversationWrites: 1, userReads: 0, userWrites: 0 });
  });

  it('the practice record is read only by a turn that shows or changes it, and written only when a scenario ends', async () => {
    const conversation = bot.conversation();
    await conversation.say('hello');
    const progress = await count(() => conversation.say('my progress'));
    expect(progress).toMatchObject({ userReads: 1, userWrites: 0, conversationReads: 1 });
  });

  it('a welcome already given, sent again by Teams, reads once and writes nothing', async () => {
    const conversation = new LocalConversation(bot.messagesUrl);
    await conversation.join();
    expect(await count(() => conversation.join())).toEqual({ conversationReads: 1, conversationWrites: 0, userReads: 0, userWrites: 0 });
  });
});
