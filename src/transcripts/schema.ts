/**
 * The format of Waypoint's YAML conversation tests (test/conversations/*.yaml),
 * in the spirit of Rasa's end-to-end test cases: the user says or presses
 * something, and the bot's replies are checked by their guidance contract
 * (kind, id, node) and by words they must contain.
 */
import { z } from 'zod';

const GuidanceKind = z.enum(['welcome', 'menu', 'help', 'card', 'tree', 'choices', 'fallback', 'emergency']);

/** What one bot reply must look like. Every field is optional; those given must all hold. */
export const ExpectedReply = z
  .object({
    kind: GuidanceKind.optional(),
    id: z.string().optional().describe('Card or tree id'),
    node: z.string().optional().describe('Tree node id'),
    outcome: z.boolean().optional(),
    says: z.array(z.string()).optional().describe('Words the reply text must contain (case-insensitive)'),
    saysNot: z.array(z.string()).optional().describe('Words the reply text must not contain'),
    offers: z.array(z.string()).optional().describe('Labels of choices the reply must offer'),
    source: z.string().optional().describe('The section the reply must cite'),
  })
  .strict();

export const TranscriptStep = z.union([
  z.object({ user: z.string().describe('A typed message') }).strict(),
  z.object({ press: z.string().describe('Press the button with this label on the latest reply that offers it') }).strict(),
  z.object({ value: z.record(z.string(), z.unknown()).describe('Post this button value as it is (e.g. a stale click)') }).strict(),
  z.object({ event: z.enum(['added']).describe('The bot is added to the conversation') }).strict(),
  z.object({ bot: ExpectedReply.describe('The next reply of the latest turn') }).strict(),
  z.object({ replies: z.number().int().min(0).describe('How many replies the latest turn produced') }).strict(),
]);

export const Transcript = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    steps: z.array(TranscriptStep).min(1),
  })
  .strict();

export const TranscriptFile = z.object({ transcripts: z.array(Transcript).min(1) }).strict();

export type ExpectedReply = z.infer<typeof ExpectedReply>;
export type TranscriptStep = z.infer<typeof TranscriptStep>;
export type Transcript = z.infer<typeof Transcript>;
