/** Search terms (core/search/terms.ts): the plural of an acronym meets its singular. */
import { describe, expect, it } from 'vitest';
import { documentTerms } from '../../src/core/search/terms';

describe('search terms', () => {
  it('reads the plural of an acronym as the acronym', () => {
    expect(documentTerms('IDVAs and ISVAs')).toEqual(['idva', 'isva']);
    expect(documentTerms('DVPNs, DVPOs and MARACs')).toEqual(['dvpn', 'dvpo', 'marac']);
  });

  it('leaves English plurals to the lemmatiser and short words alone', () => {
    expect(documentTerms('hostels and texts')).toEqual(['hostel', 'text']);
    expect(documentTerms('GPs')).toEqual(['gps']);
  });

  it('keeps "tell": who a worker tells, and who told them, is what many questions ask about', () => {
    expect(documentTerms('she told me he hits her')).toContain('tell');
    expect(documentTerms('do I have to tell her social worker')).toContain('tell');
  });

  it('reads "DA" as domestic abuse, where the language model reads it as texting for "the"', () => {
    expect(documentTerms('a DA policy for the hostel')).toEqual(['da', 'policy', 'hostel']);
    expect(documentTerms('is this da or just a row')).toContain('da');
  });
});
