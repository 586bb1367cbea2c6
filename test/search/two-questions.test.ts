/**
 * A message that asks two things, one about abuse and one about everyday work (search.ts classify,
 * terms.ts questionsIn). The everyday half pulls the scope check's odds down until the whole
 * message finds nothing; each part that asks is then judged on its own, on a far higher bar.
 * Messages from eval/examples/ (a blind batch of workers' messages, two things at once).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { questionsIn } from '../../src/core/search/terms';
import { PROJECT_ROOT } from '../../src/paths';
import { expectAnswer } from '../support/search';

let search: GuidanceSearch;
beforeAll(() => {
  search = new GuidanceSearch(documentsFrom(loadContentLibrary(defaultContentPaths(PROJECT_ROOT))));
});

describe('the questions in a message', () => {
  it('finds each part that asks, whether split by a sentence or joined by "also"', () => {
    expect(questionsIn('can cps prosecute if she withdraws her statement? and reminder the freezer in the staff kitchen is dead')).toEqual([
      'can cps prosecute if she withdraws her statement?',
    ]);
    expect(questionsIn('is abuse from a grown up son covered by the dv definition, also can u remind me of the rota')).toEqual([
      'is abuse from a grown up son covered by the dv definition',
      'also can u remind me of the rota',
    ]);
  });

  it('finds none in a message of one part', () => {
    expect(questionsIn('what is the dv definition')).toEqual([]);
  });
});

describe('a message that asks two things', () => {
  it.each([
    ['resi says family are forcing her to marry, wot legal protection is there? and room 4 needs a new lock, who\'s doing locksmith', 'forced-marriage'],
    ['can I get a parking permit for the new site? and what\'s a decent way to do a safety plan with someone who\'s staying with her partner', 'safety-planning-staying'],
    ['do banks have any duty to help when an ex has run up loans in her name? unrelated but my payslip is missing feb overtime, who do i chase', 'banks-and-employers'],
  ])('answers the part about abuse: "%s"', (q, id) => expectAnswer(search, q, id));

  it('still turns away a question not covered that tells of a fight first', () => {
    // eval/examples/search-offtopic-8: the told sentence is about violence, the asking one is generic.
    const q = "Two residents who aren't related got into a fight over a lighter in the smoking shelter. How should I write up the incident?";
    expect(search.classify(q).type).toBe('none');
  });
});
