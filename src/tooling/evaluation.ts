/**
 * Measuring Waypoint on question sets it was not written from.
 *
 * The sets live in eval/, in three folders with three rules:
 *   - examples/: search aids and the danger vocabulary may be written from these;
 *   - validation/: used to choose methods and tuning values, never copied into aids;
 *   - test/: frozen, run and reported, never used to tune or to write aids.
 * A file holding `queries` is a search set; one holding `messages` is a danger-now set.
 *
 * Every question goes through the real conversation core (Assistant.respond on a fresh
 * session), so the figures are what a worker would see: an answer, a "did you mean",
 * the honest fallback, a small-talk reply or the emergency reply.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Assistant } from '../core/conversation/assistant';
import type { Reply } from '../core/conversation/types';
import type { DangerLevel } from '../core/safety/danger';

export const SPLITS = ['examples', 'validation', 'test'] as const;
export type Split = (typeof SPLITS)[number];

const SearchQuestion = z.object({
  q: z.string().min(1),
  /** The ids that would be a right first answer, or what kind of not-a-question it is. */
  expect: z
    .union([z.array(z.string().min(1)).min(1), z.literal('off-topic'), z.literal('small-talk')])
    // `[off-topic]` reads the same as `off-topic`.
    .transform((e) => (Array.isArray(e) && e.length === 1 && (e[0] === 'off-topic' || e[0] === 'small-talk') ? e[0] : e)),
  style: z.string().min(1).default('unstyled'),
});
export type SearchQuestion = z.infer<typeof SearchQuestion>;

const DangerMessage = z.object({
  text: z.string().min(1),
  /** now: danger at this moment; unclear: danger signs, timing unclear; not: past, hypothetical, a question. */
  label: z.enum(['now', 'unclear', 'not']),
  kind: z.string().min(1).default('unkinded'),
});
export type DangerMessage = z.infer<typeof DangerMessage>;

/**
 * `measure: true` marks an examples set that only measures: the learned danger reader is not
 * trained on it (src/tooling/dangerTraining.ts), so its figures stay held out.
 * `dangerNegatives: false` marks a search set the danger reader does not take as examples of
 * messages that are not danger now, though the search learns from it (see dangerTraining.ts).
 */
const SetFile = z.union([
  z.object({ queries: z.array(SearchQuestion).min(1), measure: z.boolean().optional(), dangerNegatives: z.boolean().optional() }).strict(),
  z.object({ messages: z.array(DangerMessage).min(1), measure: z.boolean().optional() }).strict(),
]);

export type EvalSet =
  | { split: Split; name: string; type: 'search'; items: SearchQuestion[]; measure: boolean; dangerNegatives: boolean }
  | { split: Split; name: string; type: 'danger'; items: DangerMessage[]; measure: boolean };

/** Every set under eval/, examples first, then validation, then test. */
export function loadEvalSets(root: string): EvalSet[] {
  const sets: EvalSet[] = [];
  for (const split of SPLITS) {
    const dir = join(root, 'eval', split);
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const parsed = SetFile.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`eval/${split}/${file}: ${parsed.error.message}`);
      const name = file.replace(/\.yaml$/, '');
      const data = parsed.data;
      const measure = data.measure === true;
      sets.push('queries' in data ? { split, name, type: 'search', items: data.queries, measure, dangerNegatives: data.dangerNegatives !== false } : { split, name, type: 'danger', items: data.messages, measure });
    }
  }
  return sets;
}

/**
 * One search set of eval/examples/ as the unit tests use it: the in-scope queries (with their
 * expected ids) and the off-topic ones. Examples only: tests hold the figures on the sets
 * search aids may be written from, never on validation or test.
 */
export function exampleSet(root: string, name: string): { queries: Array<{ q: string; expect: string[] }>; offTopic: string[] } {
  const set = loadEvalSets(root).find((s) => s.split === 'examples' && s.name === name);
  if (!set || set.type !== 'search') throw new Error(`no search set eval/examples/${name}.yaml`);
  const queries = set.items.flatMap((item) => (Array.isArray(item.expect) ? [{ q: item.q, expect: item.expect }] : []));
  return { queries, offTopic: set.items.filter((item) => item.expect === 'off-topic').map((item) => item.q) };
}

/** What a worker would see first for a message typed on a fresh conversation. */
export type Outcome =
  | { type: 'emergency' }
  | { type: 'answer'; id: string; caution: boolean }
  | { type: 'choices'; ids: string[]; caution: boolean }
  | { type: 'none'; caution: boolean }
  | { type: 'small-talk'; caution: boolean };

export function outcomeOf(replies: Reply[]): Outcome {
  if (replies.some((r) => r.kind === 'emergency')) return { type: 'emergency' };
  const caution = replies.some((r) => r.caution !== undefined);
  const [main] = replies;
  if (!main) return { type: 'none', caution };
  switch (main.kind) {
    case 'card':
      return { type: 'answer', id: main.id ?? '', caution };
    case 'tree':
      return { type: 'answer', id: main.id ?? '', caution };
    case 'choices':
      return { type: 'choices', ids: main.ids ?? [], caution };
    case 'small-talk':
    case 'menu':
    case 'welcome':
    case 'help':
      return { type: 'small-talk', caution };
    default:
      return { type: 'none', caution };
  }
}

/** Runs one message through the core, as the first message of a conversation already introduced. */
export function firstReply(assistant: Assistant, text: string): Outcome {
  const { replies } = assistant.respond({ text }, { offered: [], introduced: true, lastActive: Date.now() });
  return outcomeOf(replies);
}

/** Counts for one group of search questions (a set, or one style within it). */
export interface SearchTally {
  /** In-scope questions (those with expected ids). */
  inScope: number;
  top1: number;
  top3: number;
  /** The reply was the expected card or walk-through. */
  answeredRight: number;
  answeredWrong: number;
  /** "Did you mean": choices offered instead of an answer. */
  choices: number;
  /** The honest fallback (found nothing), or small talk, on an in-scope question. */
  foundNothing: number;
  /** The full emergency reply on a question that was not about danger now. */
  falseEmergency: number;
  offTopic: number;
  /** Off-topic questions that got the fallback, not guidance. */
  offTopicHandled: number;
  smallTalk: number;
  smallTalkHandled: number;
}

export interface SearchJudge {
  /** The ids the search ranks first, best first. */
  rank(q: string, limit: number): string[];
  /** What the worker would see. */
  reply(q: string): Outcome;
}

export interface SearchMiss {
  q: string;
  style: string;
  expect: SearchQuestion['expect'];
  got: string;
}

function emptySearchTally(): SearchTally {
  return { inScope: 0, top1: 0, top3: 0, answeredRight: 0, answeredWrong: 0, choices: 0, foundNothing: 0, falseEmergency: 0, offTopic: 0, offTopicHandled: 0, smallTalk: 0, smallTalkHandled: 0 };
}

export interface SearchReport {
  all: SearchTally;
  byStyle: Map<string, SearchTally>;
  misses: SearchMiss[];
}

export function evaluateSearch(items: SearchQuestion[], judge: SearchJudge): SearchReport {
  const all = emptySearchTally();
  const byStyle = new Map<string, SearchTally>();
  const misses: SearchMiss[] = [];
  for (const item of items) {
    const style = byStyle.get(item.style) ?? emptySearchTally();
    byStyle.set(item.style, style);
    const outcome = judge.reply(item.q);
    const got = describe(outcome);
    for (const tally of [all, style]) tallyOne(tally, item, outcome, judge);
    const right =
      item.expect === 'off-topic'
        ? outcome.type === 'none' || outcome.type === 'small-talk'
        : item.expect === 'small-talk'
          ? outcome.type === 'small-talk'
          : outcome.type === 'answer' && item.expect.includes(outcome.id);
    if (!right) misses.push({ q: item.q, style: item.style, expect: item.expect, got });
  }
  return { all, byStyle, misses };
}

function tallyOne(tally: SearchTally, item: SearchQuestion, outcome: Outcome, judge: SearchJudge): void {
  if (outcome.type === 'emergency') tally.falseEmergency += 1;
  if (item.expect === 'off-topic') {
    tally.offTopic += 1;
    if (outcome.type === 'none' || outcome.type === 'small-talk') tally.offTopicHandled += 1;
    return;
  }
  if (item.expect === 'small-talk') {
    tally.smallTalk += 1;
    if (outcome.type === 'small-talk') tally.smallTalkHandled += 1;
    return;
  }
  const expected = item.expect;
  tally.inScope += 1;
  const ranked = judge.rank(item.q, 3);
  if (expected.includes(ranked[0] ?? '')) tally.top1 += 1;
  if (ranked.some((id) => expected.includes(id))) tally.top3 += 1;
  if (outcome.type === 'answer') {
    if (expected.includes(outcome.id)) tally.answeredRight += 1;
    else tally.answeredWrong += 1;
  } else if (outcome.type === 'choices') tally.choices += 1;
  else if (outcome.type === 'none' || outcome.type === 'small-talk') tally.foundNothing += 1;
}

function describe(outcome: Outcome): string {
  switch (outcome.type) {
    case 'answer':
      return outcome.id;
    case 'choices':
      return `choices(${outcome.ids.join(',')})`;
    default:
      return outcome.type;
  }
}

/** Counts for one group of danger-now messages. */
export interface DangerTally {
  now: number;
  /** `now` messages that got the full emergency reply. */
  nowFull: number;
  /** `now` messages that got at least the caution line. */
  nowAny: number;
  unclear: number;
  unclearFull: number;
  unclearCaution: number;
  not: number;
  /** `not` messages that got the full emergency reply: false alarms. */
  notFull: number;
  notCaution: number;
}

export interface DangerReport {
  all: DangerTally;
  byKind: Map<string, DangerTally>;
  misses: Array<{ text: string; label: string; kind: string; got: string }>;
}


function emptyDangerTally(): DangerTally {
  return { now: 0, nowFull: 0, nowAny: 0, unclear: 0, unclearFull: 0, unclearCaution: 0, not: 0, notFull: 0, notCaution: 0 };
}

export function evaluateDanger(items: DangerMessage[], level: (text: string) => DangerLevel): DangerReport {
  const all = emptyDangerTally();
  const byKind = new Map<string, DangerTally>();
  const misses: DangerReport['misses'] = [];
  for (const item of items) {
    const kind = byKind.get(item.kind) ?? emptyDangerTally();
    byKind.set(item.kind, kind);
    const got = level(item.text);
    for (const t of [all, kind]) {
      if (item.label === 'now') {
        t.now += 1;
        if (got === 'now') t.nowFull += 1;
        if (got !== 'none') t.nowAny += 1;
      } else if (item.label === 'unclear') {
        t.unclear += 1;
        if (got === 'now') t.unclearFull += 1;
        if (got === 'caution') t.unclearCaution += 1;
      } else {
        t.not += 1;
        if (got === 'now') t.notFull += 1;
        if (got === 'caution') t.notCaution += 1;
      }
    }
    const wrong = (item.label === 'now' && got !== 'now') || (item.label === 'not' && got !== 'none') || (item.label === 'unclear' && got === 'none');
    if (wrong) misses.push({ text: item.text, label: item.label, kind: item.kind, got });
  }
  return { all, byKind, misses };
}

/** The danger level a worker would see for a message: the emergency reply, the caution line, or neither. */
export function dangerLevelOf(outcome: Outcome): DangerLevel {
  if (outcome.type === 'emergency') return 'now';
  return outcome.caution ? 'caution' : 'none';
}
