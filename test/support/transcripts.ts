/**
 * Replays a YAML conversation test against the real bot over HTTP and checks
 * every reply against what the transcript expects.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { expect } from 'vitest';
import type { BotReply, LocalConversation } from '../../src/client/localClient';
import { TranscriptFile, type ExpectedReply, type Transcript } from '../../src/transcripts/schema';

export function transcriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return transcriptFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

export function readTranscripts(file: string): Transcript[] {
  const parsed = TranscriptFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${relative(process.cwd(), file)}: ${parsed.error.message}`);
  return parsed.data.transcripts;
}

export async function runTranscript(conversation: LocalConversation, transcript: Transcript): Promise<void> {
  let latest: BotReply[] = [];
  let cursor = 0;
  const history: BotReply[] = [];
  const turn = async (replies: Promise<BotReply[]>) => {
    latest = await replies;
    history.push(...latest);
    cursor = 0;
  };

  for (const [i, step] of transcript.steps.entries()) {
    const where = `"${transcript.name}" step ${i + 1}`;
    if ('user' in step) await turn(conversation.say(step.user));
    else if ('value' in step) await turn(conversation.press(step.value));
    else if ('event' in step) await turn(conversation.join());
    else if ('press' in step) {
      const choice = [...history]
        .reverse()
        .flatMap((reply) => reply.channelData?.guidance?.choices ?? [])
        .find((c) => c.label === step.press);
      expect(choice, `${where}: no reply offered a button "${step.press}"`).toBeDefined();
      await turn(conversation.press(choice?.value, step.press));
    } else if ('replies' in step) {
      expect(latest.length, `${where}: number of replies`).toBe(step.replies);
    } else {
      const reply = latest[cursor];
      cursor += 1;
      expect(reply, `${where}: expected reply ${cursor}, got only ${latest.length}`).toBeDefined();
      checkReply(reply as BotReply, step.bot, where);
    }
  }
}

export function checkReply(reply: BotReply, expected: ExpectedReply, where: string): void {
  const guidance = reply.channelData?.guidance;
  expect(guidance, `${where}: reply has no channelData.guidance`).toBeDefined();
  const text = (reply.text ?? '').toLowerCase();
  const summary = `${where}: got ${JSON.stringify({ kind: guidance?.kind, id: guidance?.id, node: guidance?.node })}`;
  if (expected.kind !== undefined) expect(guidance?.kind, summary).toBe(expected.kind);
  if (expected.id !== undefined) expect(guidance?.id, summary).toBe(expected.id);
  if (expected.node !== undefined) expect(guidance?.node, summary).toBe(expected.node);
  if (expected.outcome !== undefined) expect(guidance?.outcome, summary).toBe(expected.outcome);
  if (expected.source !== undefined) expect(guidance?.source?.sectionId, `${where}: source`).toBe(expected.source);
  for (const words of expected.says ?? []) expect(text, `${where}: should say "${words}"`).toContain(words.toLowerCase());
  for (const words of expected.saysNot ?? []) expect(text, `${where}: should not say "${words}"`).not.toContain(words.toLowerCase());
  const labels = (guidance?.choices ?? []).map((c) => c.label);
  for (const label of expected.offers ?? []) expect(labels, `${where}: should offer "${label}"`).toContain(label);
}
