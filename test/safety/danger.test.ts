/**
 * The emergency interrupt's line: danger now triggers it; past violence,
 * hypotheticals and ordinary questions do not. The phrases were written by
 * someone who had not seen the detector, as workers would type them.
 */
import { describe, expect, it } from 'vitest';
import { assessEmergency } from '../../src/core/safety/emergency';
import { PROJECT_ROOT } from '../../src/paths';
import { loadEvalSets } from '../../src/tooling/evaluation';

const legacy = loadEvalSets(PROJECT_ROOT).find((s) => s.split === 'examples' && s.name === 'danger-legacy');
const messages = legacy?.type === 'danger' ? legacy.items : [];
const phrases = {
  emergency: messages.filter((m) => m.label === 'now').map((m) => m.text),
  notEmergency: messages.filter((m) => m.label === 'not').map((m) => m.text),
};

describe('danger happening now', () => {
  it('has a good spread of phrasings to check', () => {
    expect(phrases.emergency.length).toBeGreaterThanOrEqual(40);
  });
  it.each(phrases.emergency)('"%s" gets the emergency reply', (message) => {
    expect(assessEmergency(message).emergency).toBe(true);
  });
});

describe('past, hypothetical or ordinary messages', () => {
  it('has a good spread of phrasings to check', () => {
    expect(phrases.notEmergency.length).toBeGreaterThanOrEqual(40);
  });
  it.each(phrases.notEmergency)('"%s" does not', (message) => {
    expect(assessEmergency(message).emergency).toBe(false);
  });
});

describe('edge cases', () => {
  it('ignores empty and whitespace-only messages', () => {
    expect(assessEmergency('').emergency).toBe(false);
    expect(assessEmergency('   \n ').emergency).toBe(false);
  });
  it('finds danger now in a later sentence after past history', () => {
    expect(assessEmergency('He hit her last year. Now he is strangling her').emergency).toBe(true);
  });
  it('reads curly apostrophes like straight ones', () => {
    expect(assessEmergency('he’s stabbing him').emergency).toBe(true);
  });
  it('names the rule that fired, never the text', () => {
    expect(assessEmergency('she is unconscious').rule).toBe('medical');
  });
});

describe('words that only sound alarming', () => {
  it.each([
    "she's not responding to my texts",
    "he's threatening to leave her",
    "he's going for a job interview",
    "he's shooting up in his room",
    "he's kicking off about his benefits",
  ])('"%s" does not trigger the emergency reply', (message) => {
    expect(assessEmergency(message).emergency).toBe(false);
  });

  it.each(["he's waving a knife about", "he's pointing a gun at her"])('"%s" does', (message) => {
    expect(assessEmergency(message).emergency).toBe(true);
  });
});
