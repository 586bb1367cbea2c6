/**
 * The sentence that asks (core/search/terms.ts readQuestion, SearchTuning.context): in a message
 * that tells a situation and then asks, the asking says what the worker wants, so the words only
 * in the telling count for less. The honest figures on validation and test are `npm run eval`'s.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary, type ContentLibrary } from '../../src/core/content/library';
import { DEFAULT_TUNING, documentsFrom, GuidanceSearch, type SearchCorpus } from '../../src/core/search/search';
import { askingPart, readQuestion } from '../../src/core/search/terms';
import { PROJECT_ROOT } from '../../src/paths';
import { loadEvalSets } from '../../src/tooling/evaluation';

let library: ContentLibrary;
beforeAll(() => {
  library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
});

const asked = (text: string) => {
  const { words, asking } = readQuestion(text);
  return asking && words.filter((_, i) => asking[i]).map((w) => w.text);
};

describe('reading which sentences ask', () => {
  it('marks the words of the sentences that ask, by a question mark or a question’s opening', () => {
    expect(asked('He took her bank card. She is scared. How do I write this up?')).toEqual(['how', 'do', 'i', 'write', 'this', 'up']);
    expect(asked('He took her bank card. any advice on what to say to her')).toEqual(['any', 'advice', 'on', 'what', 'to', 'say', 'to', 'her']);
    expect(asked('Is that abuse? He took her card.\nShould I call someone?')).toEqual(['is', 'that', 'abuse', 'should', 'i', 'call', 'someone']);
  });

  it('marks nothing in one sentence, or where every sentence asks or none does', () => {
    expect(asked('he took her bank card is that abuse')).toBeUndefined();
    expect(asked('Is that abuse? Should I call someone?')).toBeUndefined();
    expect(asked('He took her bank card. She is scared.')).toBeUndefined();
  });
});

describe('what the scope check learns from a worker’s message', () => {
  it('is the sentences that ask, or the whole message when its sentences are all of one kind', () => {
    expect(askingPart('Rota chaos on Thursday. He took her bank card again. Is that financial abuse?')).toBe('Is that financial abuse?');
    expect(askingPart('he took her bank card is that abuse')).toBe('he took her bank card is that abuse');
    expect(askingPart('He took her bank card. She is scared.')).toBe('He took her bank card. She is scared.');
  });

  it('lets the blind questions Waypoint does not cover be turned away', () => {
    // eval/examples/search-offtopic-8: written blind, never copied into content/out-of-scope.yaml.
    // Learning from every sentence of the workers' messages, 267 of 298 were turned away; from the
    // sentences that ask, 283 (95%).
    const set = loadEvalSets(PROJECT_ROOT).find((s) => s.name === 'search-offtopic-8');
    if (set?.type !== 'search') throw new Error('search-offtopic-8 is missing');
    const search = new GuidanceSearch(documentsFrom(library));
    const turnedAway = set.items.filter((q) => search.classify(q.q).type === 'none').length;
    expect(set.items.length).toBe(298);
    expect(turnedAway).toBeGreaterThanOrEqual(280);
  });
});

describe('ranking a message that tells and then asks', () => {
  const telling = 'Her boyfriend has been going through her phone and stopped her seeing her mates. She had a bruise on her arm on Monday.';

  it('ranks what the asking sentence wants higher than when the telling counts in full', () => {
    const question = `${telling} How should I write this up in my case notes?`;
    const placing = (context: number) => {
      const hits = new GuidanceSearch(documentsFrom(library), { ...DEFAULT_TUNING, context }).search(question, 10);
      const i = hits.findIndex((h) => h.id === 'recording-what-you-saw');
      return { rank: i < 0 ? Infinity : i + 1, share: i < 0 ? 0 : (hits[i]?.confidence ?? 0) };
    };
    const weighted = placing(DEFAULT_TUNING.context);
    const flat = placing(1);
    // Which card comes first depends on how many workers' messages tell such a situation; that
    // the asking sentence lifts the card it asks for does not.
    expect(weighted.rank).toBeLessThanOrEqual(3);
    expect(weighted.rank).toBeLessThan(flat.rank);
    expect(weighted.share).toBeGreaterThan(flat.share);
  });

  it('counts the telling in full when the asking names nothing the guidance talks about', () => {
    const question = `${telling} What should I do now?`;
    const ranked = (context: number) => new GuidanceSearch(documentsFrom(library), { ...DEFAULT_TUNING, context }).search(question, 3);
    expect(ranked(DEFAULT_TUNING.context)).toEqual(ranked(1));
  });

  it('ranks more held-out workers’ messages of several sentences first than counting every word alike', () => {
    // Each quarter of the workers' messages that tell and ask is held out of the index in turn.
    const messages = library.workerQuestions.questions.filter((w) => asked(w.q) !== undefined);
    const full = documentsFrom(library);
    let weighted = 0;
    let flat = 0;
    for (let fold = 0; fold < 4; fold += 1) {
      const heldOut = messages.filter((_, i) => i % 4 === fold);
      const held = new Set(heldOut.map((w) => w.q));
      const corpus: SearchCorpus = {
        ...full,
        documents: full.documents.map((doc) => {
          const kept = doc.asked.filter((q) => !held.has(q));
          return { ...doc, asked: kept, fields: { ...doc.fields, asked: kept.join(' . ') } };
        }),
      };
      const firsts = (context: number) => {
        const search = new GuidanceSearch(corpus, { ...DEFAULT_TUNING, context });
        return heldOut.filter(({ q, answer }) => search.search(q, 1)[0]?.id === answer).length;
      };
      weighted += firsts(DEFAULT_TUNING.context);
      flat += firsts(1);
    }
    expect(messages.length).toBeGreaterThanOrEqual(400);
    // Reached when written: 502 of 651 first (77.1%) against 489 (75.1%) with every word alike. With
    // the first two helper batches of workers' messages of 2026-12-07 added, 1,160 of 1,390 (83.5%)
    // against 1,147 (82.5%): the more examples, the less the weighting adds, but it still adds. With
    // the sixth session's batch, 1,755 of 2,030 against 1,749.
    expect(weighted).toBeGreaterThan(flat);
  });
});
