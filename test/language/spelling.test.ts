/** Reading words as meant, by general rules: texting forms, dropped g's and letters, edit distance. */
import { describe, expect, it } from 'vitest';
import { CorrectionVocabulary, namesIn, readText, readWord } from '../../src/core/language/spelling';

const vocabulary = new CorrectionVocabulary(['stabbing', 'strangling', 'unconscious', 'knife', 'safeguarding', 'collusion', 'wife']);

describe('reading words as meant', () => {
  it('expands texting forms and restores a dropped g', () => {
    expect(readText('hes kickin the door rn')).toBe("he's kicking the door right now");
  });

  it('reads a contraction typed without its apostrophe as the contraction, not as a near word', () => {
    const threats = new CorrectionVocabulary(['threats', 'notes']);
    expect(readWord('thats', threats)).toBe("that's");
    expect(readText('thats way beyond my role', threats)).toBe("that's way beyond my role");
  });

  it('reads the plural of a texted word as the plural of its word', () => {
    expect(readWord('nites', new CorrectionVocabulary(['notes']))).toBe('nights');
    expect(readWord('appts')).toBe('appointments');
  });

  it('corrects a word that is not English towards the vocabulary, by edit distance or dropped letters', () => {
    expect(readWord('stabing', vocabulary)).toBe('stabbing');
    expect(readWord('strangeling', vocabulary)).toBe('strangling');
    expect(readWord('unconsious', vocabulary)).toBe('unconscious');
    expect(readWord('safegaurding', vocabulary)).toBe('safeguarding');
  });

  it('reads two neighbouring letters typed the wrong way round as one slip', () => {
    const words = new CorrectionVocabulary(['police', 'policies', 'policy', 'receive', 'separate']);
    expect(readWord('polcie', words)).toBe('police');
    expect(readWord('recieve', words)).toBe('receive');
  });

  it('never changes an English word, however close', () => {
    expect(readWord('cooking', new CorrectionVocabulary(['choking']))).toBe('cooking');
    expect(readWord('heating', new CorrectionVocabulary(['hitting', 'beating']))).toBe('heating');
  });

  it('leaves short words alone in a large vocabulary ("wifi" is not "wife"), unless told otherwise', () => {
    expect(readWord('wifi', vocabulary)).toBe('wifi');
    expect(readWord('nife', new CorrectionVocabulary(['knife'], 1, 4))).toBe('knife');
  });
});

describe('names are not misspellings', () => {
  it('finds words typed with a capital inside a sentence, and leaves them as typed', () => {
    const text = 'Right now one worker sees them both, and Keeley never says a word';
    expect([...namesIn(text)]).toEqual(['keeley']);
    expect(readText(text.toLowerCase(), new CorrectionVocabulary(['keeled']), namesIn(text))).toContain('keeley');
    expect(readText(text.toLowerCase(), new CorrectionVocabulary(['keeled']))).toContain('keeled');
  });

  it('leaves a possessive name as typed, and reads a possessive word as its word', () => {
    const text = "I'm Keeley's keyworker and Keeley's ex is stranglng her";
    const vocabulary = new CorrectionVocabulary(['keeled', 'strangling']);
    const read = readText(text.toLowerCase(), vocabulary, namesIn(text));
    expect(read).toContain("keeley's keyworker");
    expect(read).toContain('is strangling her');
    expect(readText("the stranglng's over", vocabulary)).toBe("the strangling's over");
  });

  it('finds none in a message typed all in capitals', () => {
    expect(namesIn('HE HAS A KNIFE KEELEY')).toEqual(new Set());
  });
});
