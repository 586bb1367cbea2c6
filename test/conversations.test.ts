/**
 * Runs every YAML conversation test in test/conversations/ through the real
 * server over HTTP: the hand-written ones (commands, emergencies, search) and
 * the generated walks of every tree path.
 */
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { readTranscripts, runTranscript, transcriptFiles } from './support/transcripts';
import { startTestBot, type TestBot } from './support/bot';

const dir = join(__dirname, 'conversations');
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});

for (const file of transcriptFiles(dir)) {
  describe(relative(dir, file), () => {
    for (const transcript of readTranscripts(file)) {
      it(transcript.name, async () => {
        await runTranscript(bot.conversation(), transcript);
      });
    }
  });
}
