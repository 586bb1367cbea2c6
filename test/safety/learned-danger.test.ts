/**
 * The learned danger reader (core/safety/learnedDanger.ts): the committed model is what
 * `npm run train:danger` writes, and a reader trained without one example set still finds danger
 * now in that set's messages that the rules miss, without raising false alarms on its
 * not-danger messages. The held-out set stands in for words nobody here wrote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessDanger } from '../../src/core/safety/danger';
import { LearnedDangerReader, trainDangerModel } from '../../src/core/safety/learnedDanger';
import { PROJECT_ROOT } from '../../src/paths';
import { dangerModelSource, dangerTrainingExamples } from '../../src/tooling/dangerTraining';
import { loadEvalSets } from '../../src/tooling/evaluation';

/** Written by a helper who saw neither the code nor the other sets. */
const HELD_OUT = 'danger-fresh';

describe('the learned danger reader', () => {
  it('is the model `npm run train:danger` would write from eval/examples/', () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'src/core/safety/dangerModel.generated.ts'), 'utf8');
    expect(committed === dangerModelSource(dangerTrainingExamples(PROJECT_ROOT)), 'run npm run train:danger').toBe(true);
  });

  it('finds danger now the rules miss in messages it was not trained on, and no more false alarms', () => {
    const sets = loadEvalSets(PROJECT_ROOT);
    const heldOut = sets.find((s) => s.split === 'examples' && s.name === HELD_OUT);
    if (!heldOut || heldOut.type !== 'danger') throw new Error(`no eval/examples/${HELD_OUT}.yaml`);
    const reader = new LearnedDangerReader(trainDangerModel(dangerTrainingExamples(PROJECT_ROOT, HELD_OUT)));
    const learned = (text: string) => assessDanger(text, reader).rule.startsWith('now:learned');
    const now = heldOut.items.filter((m) => m.label === 'now');
    const not = heldOut.items.filter((m) => m.label === 'not');
    // On these 200 held-out messages of danger now the rules alone find 157, and with the reader 180.
    expect(now.filter((m) => learned(m.text)).length).toBeGreaterThanOrEqual(20);
    expect(not.filter((m) => learned(m.text)).map((m) => m.text)).toEqual([]);
  });

  it('raises a level, and lowers only a reading of now it reads as far from danger now', () => {
    for (const text of ["he's strangling her right now", 'HELP hes got a knife', 'he is kicking her door in', 'Trail of fresh blood from the lift to flat 14']) {
      expect(assessDanger(text).level).toBe('now');
      expect(assessDanger(text).rule.startsWith('now:learned')).toBe(false);
    }
    // Venting and figures of speech that the rules read as a scene: the caution line, never silence.
    for (const text of ['The duty phone has been on fire since 8am, every agency in the city wants a bed tonight.', "ffs the printer's jammed again, about to take a hammer to it"]) {
      expect(assessDanger(text).rule).toMatch(/^caution:unlikely-\w+-scene$/);
    }
    // ... and any reading of now that is not witnessed, in a sentence it reads as far from danger now.
    expect(assessDanger('SHE CANT GET OUT OF THE TENANCY HE SIGNED, HOW DO WE DEAL WITH A JOINT TENANCY').rule).toMatch(/^caution:unlikely-/);
  });

  it('lowers, held out, no danger-now message and some false alarms', () => {
    const sets = loadEvalSets(PROJECT_ROOT);
    let lowered = 0;
    // Sets written blind; each read by a reader trained without it.
    for (const name of ['danger-now-12', 'danger-pairs-13', 'danger-not-11', 'danger-not-14']) {
      const set = sets.find((s) => s.split === 'examples' && s.name === name);
      if (!set || set.type !== 'danger') throw new Error(`no eval/examples/${name}.yaml`);
      const reader = new LearnedDangerReader(trainDangerModel(dangerTrainingExamples(PROJECT_ROOT, name)));
      const unlikely = set.items.filter((m) => assessDanger(m.text, reader).rule.startsWith('caution:unlikely-'));
      expect(unlikely.filter((m) => m.label === 'now').map((m) => m.text)).toEqual([]);
      lowered += unlikely.filter((m) => m.label === 'not').length;
    }
    expect(lowered).toBeGreaterThanOrEqual(6);
  });
});
