/**
 * The danger check's line: danger now gets the emergency reply; danger signs without a time get
 * the caution line; past, hypothetical and ordinary messages get neither. Held here on the
 * examples sets (eval/examples/, which the vocabulary may be drawn from); the honest figures on
 * the validation and frozen test sets are `npm run eval`'s.
 */
import { describe, expect, it } from 'vitest';
import { assessDanger, wordsForDanger } from '../../src/core/safety/danger';
import type { LearnedDangerReader } from '../../src/core/safety/learnedDanger';
import { PROJECT_ROOT } from '../../src/paths';
import { loadEvalSets, type DangerMessage } from '../../src/tooling/evaluation';

const exampleSets = loadEvalSets(PROJECT_ROOT).flatMap((s) => (s.split === 'examples' && s.type === 'danger' ? [s] : []));
const examples: DangerMessage[] = exampleSets.flatMap((s) => s.items);
/**
 * Sets of messages written to sound alarming without being danger now, matched pairs (a
 * danger-now message and one that shares most of its words), and formal reports that use the
 * same vocabulary about past incidents, procedures and training.
 */
const HARD = /^danger-(?:not|pairs|frames|formal)-/;
const hardNegatives = new Set(exampleSets.filter((s) => HARD.test(s.name)).flatMap((s) => s.items.filter((m) => m.label === 'not')));
const labelled = (label: DangerMessage['label']) => examples.filter((m) => m.label === label).map((m) => m.text);
/** The first two example sets, which the rules were built from, are held message by message. */
const core = exampleSets.filter((s) => s.name === 'danger' || s.name === 'danger-legacy').flatMap((s) => s.items);
/** Later example sets (more ways of saying danger now) are held as a ratchet at the level reached. */
const later = exampleSets.filter((s) => s.name !== 'danger' && s.name !== 'danger-legacy').flatMap((s) => s.items);

/** Messages that are danger now, and messages like them that are not: one test each. */
function nowAndNot(now: string[], not: string[]): void {
  it.each(now)('"%s" is danger now', (message) => {
    expect(assessDanger(message).level).toBe('now');
  });
  it.each(not)('"%s" is not', (message) => {
    expect(assessDanger(message).level).not.toBe('now');
  });
}

describe('danger happening now (examples)', () => {
  it('has a good spread to check', () => {
    expect(labelled('now').length).toBeGreaterThanOrEqual(150);
    expect(labelled('not').length).toBeGreaterThanOrEqual(150);
  });

  it.each(core.filter((m) => m.label === 'now').map((m) => m.text))('"%s" gets the emergency reply', (message) => {
    expect(assessDanger(message).level).toBe('now');
  });

  it('gives at least 87% of the later examples of danger now the emergency reply, and 90% at least the caution line', () => {
    const now = later.filter((m) => m.label === 'now');
    expect(now.length).toBeGreaterThanOrEqual(150);
    expect(now.filter((m) => assessDanger(m.text).level === 'now').length / now.length).toBeGreaterThanOrEqual(0.87);
    expect(now.filter((m) => assessDanger(m.text).level !== 'none').length / now.length).toBeGreaterThanOrEqual(0.9);
  });

  it('gives at most 1% of past, hypothetical and ordinary messages the emergency reply', () => {
    const ordinary = examples.filter((m, i) => m.label === 'not' && !hardNegatives.has(examples[i] as DangerMessage)).map((m) => m.text);
    const alarms = ordinary.filter((m) => assessDanger(m).level === 'now');
    expect(alarms.length, alarms.join('\n')).toBeLessThanOrEqual(Math.floor(ordinary.length / 100));
  });

  it('gives at most 4% of messages written to sound alarming the emergency reply (the target is 3%)', () => {
    // eval/examples/danger-not-*.yaml: keyword lines with a place, past harm with a place, present
    // but safe, slang; danger-pairs-*.yaml: the not-danger half of matched pairs. Held out when
    // first written, 20 of 300 got the emergency reply. The two sets written on 2026-12-07 (third
    // session) were harder: 40 of 320 and 30 of 160 held out, which took these sets from 15 of 1,540
    // (1.0%) to 85 of 1,860 (4.6%); 69 (3.7%) after that session's changes. danger-frames-16
    // (matched pairs with frame words) added 9 of 130 held out; 72 of 1,990 (3.6%) after that.
    // danger-formal-17 (formal reports, a measure the learned reader is not trained on) adds 6 of
    // 160: 74 of 2,150 (3.4%) now. Many of those left are panic typing undone in the same message
    // ("KNIFE ON THE FLOOR - its a butter knife"), where the emergency reply errs on the safe side.
    const hard = [...hardNegatives].map((m) => m.text);
    const alarms = hard.filter((m) => assessDanger(m).level === 'now');
    expect(hard.length).toBeGreaterThanOrEqual(2150);
    expect(alarms.length, alarms.join('\n')).toBeLessThanOrEqual(Math.floor((hard.length * 4) / 100));
  });

  it('gives most messages with danger signs but no time at least the caution line', () => {
    const unclear = labelled('unclear');
    const seen = unclear.filter((m) => assessDanger(m).level !== 'none');
    expect(seen.length / unclear.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('spelling and panic typing, by a general mechanism', () => {
  // Each danger word misspelled by rule (a letter dropped, a dropped g, doubled letters lost),
  // not from any list: the check must read them through edit distance and dropped letters.
  const verbs = ['strangling', 'stabbing', 'punching', 'attacking', 'choking', 'kicking', 'hitting', 'battering', 'threatening'];
  const dropLetter = (w: string) => w.slice(0, 3) + w.slice(4);
  const dropG = (w: string) => w.replace(/ing$/, 'in');
  const single = (w: string) => w.replace(/([a-z])\1/, '$1');
  it.each(verbs.flatMap((v) => [dropLetter(v), dropG(v), single(v)]).filter((w, i, all) => all.indexOf(w) === i))('"hes %s her" is danger now', (typed) => {
    expect(assessDanger(`hes ${typed} her`).level).toBe('now');
  });

  it('corrects a misspelled past form to the past form of a longer word, which does not double its last letter', () => {
    const lemmas = (text: string) => wordsForDanger(text).map((w) => w.lemma);
    expect(lemmas('hes batterd her again')).toContain('batter');
    expect(lemmas('hes threatend to kill her')).toContain('threaten');
    expect(lemmas('he stabed her')).toContain('stab');
  });

  it('reads capitals, missing apostrophes and texting forms', () => {
    expect(assessDanger('HES GOT A KNIFE').level).toBe('now');
    expect(assessDanger('she aint breathin').level).toBe('now');
    expect(assessDanger('hes got her by the throat rn').level).toBe('now');
  });

  it('never reads a real word as a danger word, however close', () => {
    expect(assessDanger("he's cooking her dinner").level).toBe('none');
    expect(assessDanger("she's kissing him in reception").level).toBe('none');
    expect(assessDanger("he's heating her soup").level).toBe('none');
  });
});

describe('two levels', () => {
  it('danger signs without a time get the caution line', () => {
    expect(assessDanger('she has marks on her neck and says he put his hands round it').level).toBe('caution');
    expect(assessDanger('he says he will kill her if she leaves').level).toBe('caution');
  });

  it('past violence with clear past framing gets neither', () => {
    expect(assessDanger('he strangled her last month, what do I do').level).toBe('none');
    expect(assessDanger('she was stabbed by her ex in 2019').level).toBe('none');
    expect(assessDanger('he used to hit her when they lived together').level).toBe('none');
  });

  it('reads "he once did" and "that was before she moved" as past, and not "it was in the bin first"', () => {
    expect(assessDanger("she said he once got a belt round her neck, we've taken the belts out of her room to be safe").level).not.toBe('now');
    expect(assessDanger('he waved a bat at her outside the chemist, this was before the court order').level).not.toBe('now');
    expect(assessDanger('he once pinned her to the floor and sat on her chest, she told me in keywork').level).toBe('none');
    expect(assessDanger("he's kicking her round the kitchen right now").level).toBe('now');
    expect(assessDanger("the fire's in her room, it was in the bin first and now the curtains are going").level).toBe('now');
  });

  it('questions, hypotheticals, training and the news get neither', () => {
    expect(assessDanger('what should I do if he has a knife').level).toBe('none');
    expect(assessDanger("am I allowed to ring the police about her partner kicking her when she's asked me not to").level).toBe('none');
    expect(assessDanger('role play for training: he is hitting her in the corridor').level).toBe('none');
    expect(assessDanger('saw on the news a woman was stabbed by her partner').level).toBe('none');
  });

  it('reads "at risk" as a state, not as someone being somewhere', () => {
    expect(assessDanger("she's at high risk of being killed, which meeting do I refer her to").level).not.toBe('now');
    expect(assessDanger("he's at her door with a knife").level).toBe('now');
  });

  it('a long message telling a situation to ask about it is judged by the danger sentence, not by "going on" elsewhere', () => {
    const told = "She has a scar on her face from a bottle attack and her new boyfriend handles all her money and her appointments. I'm not sure what is going on between them. Is this financial abuse?";
    expect(assessDanger(told).level).toBe('caution');
    expect(assessDanger('He is kicking her door in right now and she is screaming. What should the team do, is it safe to go up?').level).toBe('now');
  });

  it('finds danger now after history in the same message', () => {
    expect(assessDanger('He hit her last year. Now he is strangling her').level).toBe('now');
    expect(assessDanger('he hit her last week and now he is back kicking her door in').level).toBe('now');
  });

  it('names the rule that decided, never the text', () => {
    const { rule } = assessDanger("she's unconscious on the floor");
    expect(rule).toMatch(/^now:medical-/);
    expect(rule).not.toContain('unconscious');
    expect(assessDanger('what is MARAC').rule).toMatch(/^none:/);
  });

  it('ignores empty and whitespace-only messages, and reads curly apostrophes', () => {
    expect(assessDanger('').level).toBe('none');
    expect(assessDanger('   \n ').level).toBe('none');
    expect(assessDanger('he’s stabbing him').level).toBe('now');
  });
});

describe('terse messages', () => {
  it('a weapon and where it is, typed alone, is danger now; a topic with a place is not', () => {
    expect(assessDanger('gun in reception').level).toBe('now');
    expect(assessDanger('machete at the door').level).toBe('now');
    expect(assessDanger('knife amnesty box, reception').level).toBe('none');
    expect(assessDanger('parcel at the door').level).toBe('none');
  });

  it('notes that write M and F for the man and the woman', () => {
    expect(assessDanger('0040 M kicking F on landing').level).toBe('now');
    expect(assessDanger('rm 4: M hitting F, staff present').level).toBe('now');
  });

  it('a question that is a cry: the danger asked about, then said to be going on', () => {
    expect(assessDanger("is it ok for a man to be kicking a woman's door in on our top floor? he's still going").level).toBe('now');
    expect(assessDanger('what do we do if a resident is holding a hammer over his partner? its happening now').level).toBe('now');
    expect(assessDanger("what do we do if a resident is holding a hammer over his partner?").level).not.toBe('now');
    expect(assessDanger("what should I do if he's hitting her and she won't leave").level).not.toBe('now');
  });

  it('a question that is a cry, put in front of the worker in a clause of its own', () => {
    expect(assessDanger("is it normal for a lad to be stamping on his girlfriend's hand? he's doing it by the lifts").level).toBe('now');
    expect(assessDanger("should we wait for the manager if a man is dragging a woman along the landing? that's what's going on upstairs").level).toBe('now');
    expect(assessDanger("is it ok to go over if a bloke is punching a woman at the bus stop? we're stood opposite watching").level).toBe('now');
    expect(assessDanger('do I ring 999 if a resident is strangling his partner? it is happening in front of me').level).toBe('now');
    // the one doing it named by his role, and the worker still there
    expect(assessDanger("what's the rule if a dealer is dragging a resident out of her room? it's going on now").level).toBe('now');
    expect(assessDanger('can I walk out of a visit if the tenant is shoving me against the wall? I am still in the kitchen').level).toBe('now');
    // ... but not a habit, nor what happened
    expect(assessDanger("is it normal for a lad to be stamping on his girlfriend's hand? he's doing it more and more").level).not.toBe('now');
    expect(assessDanger("should we wait for the manager if a man is dragging a woman along the landing? that's what happened last week").level).not.toBe('now');
  });

  it('notes that open with the time: "1950" is ten to eight, not a year', () => {
    expect(assessDanger("1950 F hiding in laundry, M outside door shouting he'll kill her").level).toBe('now');
    expect(assessDanger('2140 resident says ex hit her in 2019, no contact since').level).toBe('none');
    // ... and that time is one time, not two numbers split at its colon
    expect(wordsForDanger('0315 rm 9, he has locked the door').map((w) => w.lemma).slice(0, 2)).toEqual(['03:15', 'room']);
  });

  it('him arriving, said alone or broken into a longer message as it happens', () => {
    expect(assessDanger("he's just walked in").level).toBe('now');
    const aside = "Quick one about the rota for next month and whether I can swap my Tuesday with Priya, I've asked her already — oh god he's just walked past reception and up the stairs — and also is the induction still on Friday?";
    expect(assessDanger(aside).level).toBe('now');
    expect(assessDanger('he just walked in and sat down for his keywork session').level).toBe('none');
    // turned up, said as just done, and not as told of last week
    expect(assessDanger('her ex has just turned up').level).toBe('now');
    expect(assessDanger('he turned up at her door last week and hit her').level).not.toBe('now');
  });

  it('a frame after urgent danger does not frame it; one before it, or after danger told calmly, does', () => {
    expect(assessDanger("HELP he's stabbing her in the kitchen, I was just leaving for training").level).toBe('now');
    expect(assessDanger("he's strangling her in room 4 right now, I'm on my induction week").level).toBe('now');
    expect(assessDanger('training scenario: he is stabbing her in the kitchen, what do you do').level).toBe('none');
    expect(assessDanger("what's the right response if an ex is standing in reception threatening to kill her? for our induction pack").level).not.toBe('now');
  });

  it('a run-on "what do I do" before the danger, and "would it be ok to" asking to act, do not hide it', () => {
    expect(assessDanger("what do I do he's got her by the neck").level).toBe('now');
    expect(assessDanger('would it be ok to ring the police, he has a knife to her throat in the lounge').level).toBe('now');
    expect(assessDanger("what do I do if he's got a knife").level).toBe('none');
  });

  it('a long message that asks is danger now when the worker watches it happen as they write', () => {
    expect(assessDanger("He's punching her in the car park and I'm watching from the office window, I'm on my own and I don't know whether to go out or wait for someone, what's the procedure?").level).toBe('now');
  });

  it('a frame word met in passing frames nothing; one set up as a frame frames the whole message', () => {
    expect(assessDanger("he's strangling her in the TV room, the news is on").level).toBe('now');
    expect(assessDanger("I'm a student on placement here, a man in reception is saying he'll stab her").level).toBe('now');
    expect(assessDanger("He's holding a knife to her, I'm meant to be writing up my case study but this is real, it's happening in flat 3").level).toBe('now');
    expect(assessDanger('In the roleplay he is strangling her. What is the collusive response?').level).toBe('none');
    expect(assessDanger('can you write a practice scenario where a resident is being followed').level).not.toBe('now');
    expect(assessDanger("He texts that he'll burn the flat down tonight with her in it - that's how the case study in module 3 opens, what would you flag?").level).not.toBe('now');
    expect(assessDanger("he's got a knife in the TV drama and says he'll stab her - the residents were watching it, should I have turned it off?").level).not.toBe('now');
    expect(assessDanger("In the simulation her ex is on his way up the stairs with a knife. Which door should staff hold?").level).not.toBe('now');
  });

  it("bleeding that cannot be stopped is danger now", () => {
    expect(assessDanger("can't stop the bleeding from her arm").level).toBe('now');
  });
});

/** A second reader that never raises a level, so the rules' own reading is what is tested. */
const rulesOnly = { odds: () => 0, bayesOdds: () => 0 } as unknown as LearnedDangerReader;

describe('a thing used on someone, and a witness', () => {
  it.each([
    "he's swinging it at her",
    "he's got a pan of boiling water and is about to throw it over her",
    "A man is attacking his partner outside the shop and I'm watching it now",
    'neighbours screaming at him to stop',
  ])('"%s" is danger now', (message) => {
    expect(assessDanger(message).level).toBe('now');
  });

  it('reads trying to stop an attack, and smothering with a thing, as danger signs by the rules alone', () => {
    expect(assessDanger('the 6 yr old is trying to pull him off her', rulesOnly).level).not.toBe('none');
    expect(assessDanger("he's pressing a pillow on her face", rulesOnly).level).toBe('now');
    expect(assessDanger('I pulled him off her last night', rulesOnly).level).toBe('none');
    // "you" and "someone" are done to as well as doing
    expect(assessDanger("he's throwing chairs at someone", rulesOnly).level).toBe('now');
  });

  it('reads people as reports name them, by the rules alone', () => {
    expect(assessDanger('Urgent: a group of three individuals are beating a rough sleeper in the doorway', rulesOnly).level).toBe('now');
    // "claiming to be" claims who he is, not that the danger is so
    expect(assessDanger('a man claiming to be her father is in the lobby threatening to shoot everyone', rulesOnly).level).toBe('now');
  });

  it('hears a sound named by how much of it there is, by the rules alone', () => {
    expect(assessDanger("there's a lot of screaming coming from flat 4", rulesOnly).level).toBe('now');
    expect(assessDanger('the sound of banging from room 2', rulesOnly).level).toBe('now');
    // ... while an act named after "of" or "for" is a topic
    expect(assessDanger('he got a caution for hitting her', rulesOnly).level).toBe('none');
    expect(assessDanger('he was accused of hitting her', rulesOnly).level).toBe('none');
  });

  it("reads a hold round anyone's neck, named as a report names them, by the rules alone", () => {
    expect(assessDanger("one has a cord wrapped around the other's neck and is pulling on it", rulesOnly).level).toBe('now');
    expect(assessDanger("he's got his hands round his girlfriend's neck", rulesOnly).level).toBe('now');
    expect(assessDanger("he had his hands round his girlfriend's neck last year", rulesOnly).level).not.toBe('now');
  });

  it('reads someone on her, and nothing after it, as a hold, by the rules alone', () => {
    expect(assessDanger("he's on her. laundry", rulesOnly).level).toBe('now');
    expect(assessDanger('hes on her in the kitchen', rulesOnly).level).toBe('now');
    // ... not on her case, her back about the rent, or her side
    for (const text of ["he's on her case again", "he's on her back about the rent", "he's on her side now"]) expect(assessDanger(text, rulesOnly).level).toBe('none');
  });

  it('reads him outside, told in a sentence of a dozen words or so, as danger now, by the rules alone', () => {
    expect(assessDanger('her ex is outside the hostel and knows which room she is in', rulesOnly).level).toBe('now');
    // ... but not when he is there as a habit
    expect(assessDanger('her ex is outside the hostel most nights and knows which room she is in', rulesOnly).level).not.toBe('now');
  });

  it('reads the one she has reason to fear coming in or close by now, in a message of any length, by the rules alone', () => {
    const read = (text: string) => assessDanger(text, rulesOnly);
    expect(read('Update from the night team: the man who is barred from the site because of what he did to her has just climbed over the back gate, he is walking towards the family rooms').rule).toBe('now:feared-arriving');
    expect(read('Probation have phoned to say he is in breach of his bail conditions and he is heading to the refuge on foot').level).toBe('now');
    // ... not as a habit, in the past, or supposed
    expect(read('The man who is barred stands across the road every morning waiting for his bus').level).not.toBe('now');
    expect(read('he was in breach of his bail conditions and turned up at reception last month').level).not.toBe('now');
    expect(read('what if the perpetrator is on his way to the refuge when she gets back').level).not.toBe('now');
    // ... the one who has been threatening her, and one whose attack is dated in passing
    expect(read("the bloke who's been following her all month is coming up the stairs to her flat").level).toBe('now');
    expect(read('The man who hit her two years ago has just walked into the drop-in').level).toBe('now');
    expect(read('The man who hit her two years ago walked into the drop-in last week').level).not.toBe('now');
    // ... told before the worker's own "and I'm ..., what do I do", which is a clause of its own
    expect(read("her ex is barred but he's just walked into the lounge and I'm the only one on, what should I do").level).toBe('now');
  });

  it('reads what he did to her somewhere as the harm told, not as him being there, by the rules alone', () => {
    // "he dragged her upstairs" tells an attack; it does not put him upstairs now.
    expect(assessDanger('Her statement says he dragged her upstairs and punched her. The hearing is in May.', rulesOnly).level).not.toBe('now');
    expect(assessDanger("he punched her last week and he's upstairs now", rulesOnly).level).toBe('now');
    expect(assessDanger('He punched her in 2021. He has just come into the dining room and is staring at her.', rulesOnly).level).toBe('now');
  });

  it('moving about is not an attack', () => {
    expect(assessDanger("he's stomping round the office in a mood").level).not.toBe('now');
  });
});

describe('everyday talk with danger words', () => {
  it('"my manager is going to kill me for..." is a figure of speech', () => {
    expect(assessDanger('my team leader is gonna kill me for losing the keys again').level).toBe('none');
  });

  it('threats by message that have been going on, from somewhere else, are not danger now', () => {
    expect(assessDanger("he's been sending her threatening texts from jail").level).not.toBe('now');
    expect(assessDanger('hes been hitting her').level).toBe('now');
  });
});

describe('harm a worker tells about, asking what to do', () => {
  it.each([
    // what someone is saying now about harm, not harm now
    "now he's telling everyone she attacked him, how do I write it up?",
    "He's now saying she's the one who hits him. Who do I believe?",
    // harm done a number of times: a pattern
    "she's hit him a couple of times and he says she's the abuser, how do i tell who's who",
    // a disclosure: the harm is the topic
    "She told me about her ex hurting her, what should I say and do now?",
    // figures of speech, and getting him out of the home
    "she's dead set against a refuge and her mum's round the corner, can we try to get him out instead?",
    'he keeps dragging her back through the family court, what can she do?',
    // he wants help with himself
    "the lad in 4 says he's scared he's going to hurt his girlfriend and wants help. is there a helpline he can ring, and someone I can ask?",
  ])('"%s" is not danger now, by the rules alone', (message) => {
    expect(assessDanger(message, rulesOnly).level).not.toBe('now');
  });

  it.each([
    "he's on top of her hitting her",
    "she's on the phone saying he's hitting her now",
    'help he has hit her twice and is still going',
    "it's bad in 9, he keeps throwing her against the wall",
  ])(
    '"%s" is still danger now',
    (message) => {
      expect(assessDanger(message, rulesOnly).level).toBe('now');
    },
  );
});

describe('harm told without a time, then said to be going on', () => {
  nowAndNot(
    ['Resident glassed in the bar area. Incident ongoing.', 'man has stabbed the lad in 4. still holding the knife', 'CCTV shows a man kicking a woman on the ground by the gates. He continues to kick her.', 'she got pushed down the stairs. now'],
    ['He said he would kill her. She has still got the voicemail.', 'Resident glassed in the bar area last night. Investigation ongoing.'],
  );
});

describe('an attack named as an event, said to be under way', () => {
  nowAndNot(
    ['Night log 02:10. Fight in progress in the car park behind the hostel, two men on one woman.', 'Please be aware there is an assault currently under way in the women-only lounge.'],
    ['The assault investigation is still ongoing, police say.', 'What should staff do when an assault is in progress?', 'Log: assault on the landing at 22:00, since resolved, ongoing support offered.'],
  );
});

describe('a habit said to have gone on for minutes', () => {
  nowAndNot(
    ["he keeps shoving her into the wall in the lounge, it's been going on for the last 15 minutes", "he keeps slamming her against the door in room 2, it's been going on for the last 20 minutes"],
    ['he keeps slamming doors when he is angry, it has been going on for weeks', 'he keeps shoving her about when he has had a drink, she told me it has been going on for years'],
  );
});

describe('being held, as a formal report puts it', () => {
  nowAndNot(
    ['Please note the tenant of flat 3 is being detained in the flat by her partner at present.', 'Our resident is currently confined to a bedroom by the men who have taken over her flat.'],
    ['He was detained under the Mental Health Act last year.', 'She says she feels surrounded by support since moving in.'],
  );
});

describe('a topic typed as a fragment, and a report typed in a hurry', () => {
  it.each(['older brother punching his little sister', 'stepdad threatening the kids over bedtimes', 'partner strangling her during sex'])('"%s" names a relation and nothing of where or when: not the emergency reply', (message) => {
    expect(assessDanger(message).level).not.toBe('now');
  });

  it.each(['older brother punching his sister in the kitchen', 'stepdad threatening the kids right now', 'bloke punching a woman by the bus shelter', 'he strangling her'])('"%s" says where or when, or names a role or a pronoun: the emergency reply', (message) => {
    expect(assessDanger(message).level).toBe('now');
  });
});

describe('an alarm taken back in the same message', () => {
  it.each([
    "SOMEONE SCREAMING ON THE 2ND FLOOR!! ok it's the telly in room 9, volume on full",
    "he's got a crowbar at the back door - no wait it's the locksmith we booked. ignore me",
    'blood all over the kitchen floor, it was only beetroot juice, someone dropped the jar',
    'thought he was throttling her in the lounge and it was just the two of them arm wrestling',
  ])('"%s" gets the caution line, not the emergency reply', (message) => {
    expect(assessDanger(message).level).toBe('caution');
  });

  it.each([
    // what it turns out to be is him
    "someone's banging on her door, oh it's her ex, he's got a bat",
    // "that's ..." says where or who, it takes nothing back
    "a man is kicking a woman on the landing outside flat 7, I can hear her crying. that's the couple on the third floor",
    // taken back, then danger after it
    "fire alarm going - false alarm, burnt toast. but now the lad in 6 is stabbing his mate on the stairs",
    // "it's happening" says now, it takes nothing back
    "do we call 999 if a man is kicking a woman in the car park? it's happening in the car park now",
  ])('"%s" still gets the emergency reply', (message) => {
    expect(assessDanger(message).level).toBe('now');
  });
});

describe('words that only sound alarming', () => {
  it.each([
    "she's not responding to my texts",
    "he's threatening to leave her",
    "he's going for a job interview",
    "he's shooting up in his room",
    "he's kicking off about his benefits",
    'this rota is killing me',
    'the printer is smashed again',
    // the object of a verb is in its own clause: the worker is shaking, nobody is being shaken
    "she just told me everything about him and I'm sat here shaking, what do I do",
    // what he is doing now is not the harm; the harm is told in the past
    'her bf is tracking her phone and pushed her',
    // an act named after "of" is a topic, unless it is a sound heard now
    'he got a caution for hitting her',
    'there was a lot of screaming last night',
  ])('"%s" does not get the emergency reply', (message) => {
    expect(assessDanger(message).level).not.toBe('now');
  });
});

describe('a threat with him here', () => {
  it('is danger now when he is here or on his way, in the same sentence or the next', () => {
    expect(assessDanger("he's waiting outside her door saying he'll do her in").level).toBe('now');
    expect(assessDanger("He said he'd kill her if she left. He's just texted that he's parked outside").level).toBe('now');
  });

  it('is the caution line when he threatens from elsewhere by message', () => {
    expect(assessDanger('he keeps threatening her by text, saying he will burn the place down').level).toBe('caution');
  });
});

describe('a worker weighing up what to call it', () => {
  it.each([
    'her son keeps hittin her n smashin her room up, does that count as dv',
    'he hides her walking frame and messes with her tablets is that abuse',
    'her lad keeps smashing her room up and shoving her, is tht even dv',
    "he keeps grabbing her arm when she talks to staff, can't tell if it's really abuse",
  ])('"%s" gets at most the caution line', (message) => {
    expect(assessDanger(message).level).not.toBe('now');
  });

  it('"is it ok to ..." asks leave to act, it weighs nothing up: the danger beside it is still now', () => {
    expect(assessDanger('Is it ok to take her out the back way? Her husband is punching her by the bins').level).toBe('now');
  });

  it('still gets the emergency reply when it says now', () => {
    expect(assessDanger('hes batterin her in the room next door rite now is that dv').level).toBe('now');
  });
});

describe('danger denied, and words used for something else', () => {
  it.each([
    "he hasn't got a weapon on him",
    "she isn't bleeding any more, he's calm",
    'nobody is hurt and he has gone to bed',
    "he's been pacing and kicking around the lounge all evening",
    "we've now got him in one of our own flats",
    "she can't get out of bed without help from her carer",
    'housing first and refuge, where do they fit',
    'saw him slap her last nite, its all calmed down now',
    "he's dragging her through the family courts again",
    "he won't let her go out on her own, is that controlling?",
    // hiding a thing, and a hearing aid: no one hiding, nothing heard
    'deaf client partner hides hearing aids',
    'he hid her passport and her meds',
    "he's hiding her phone so she can't call anyone",
    // done by or to a thing
    "the staff minibus has been smashed up again",
    'the fish in the office tank is dead, someone overfed it',
    'the printer keeps choking on the rota',
    // over, and said to be over
    "there was a fight in the lounge, police took him and she's ok, what do I log?",
    'small fire in the bin is out now, fire service have been, he has been nicked',
    // figures of speech
    "honestly feel like I've been hit by a train this week",
    'my colleague stabbed me in the back at supervision',
    'in the event of a resident threatening staff with a knife, who do we ring first?',
    'no bruises, no marks on her today, she seems brighter',
    'help with room bookings for next week',
    // everyday figures of speech (figuresOfSpeech.ts)
    'drowning in paperwork on this shift',
    'after this shift I could murder a curry',
    'the team absolutely killed it at the inspection',
    // a weapon as a verb, told in the past; a history, not a weapon held
    'he got bottled outside a pub years ago',
    'visit tomorrow, the partner has a history with knives, what should we plan?',
    'the residents are playing a zombie game on the xbox, all stabbing and shooting',
    'what should staff do when an assault is going on in a shared flat?',
    // a few words naming a topic and a place: a search, not a cry
    'knife amnesty bin, reception',
    'scissors kept in the office drawer',
    'weapons found in room search',
    "we've been slammed with referrals since Monday",
    "she's scared about getting hit again when he's out",
    // asking what to do next; the worker's own wish; a threat to a thing
    'saw him shove her on the stairs earlier, what now',
    "I don't want to push her away by nagging about refuges",
    "he told her he'll smash it if she doesn't give him the telly remote",
    'the inquest into the man who died in the hostel fire opens next week',
    // told as over: locked up, dated, the worker holding what was seized, an event named
    "he's in the cells overnight and she's having a cuppa with me in the office",
    'in Nov he pinned her against the wall of the laundry, she told the police at the time',
    "we've got the knife he had locked in the office safe for the police",
    'still jumpy in the stairwell since the stabbing',
    'the new hob is dangerous, someone will burn themselves',
    // the worker's own doing; an act named after a verb; a habit
    'I am writing to ask how to record an assault she told me about from last month',
    'she mentioned being kicked by her dad as a teenager',
    'one of our residents keeps getting followed home by her ex',
    // where things stand afterwards, dated by a weekday, or historic
    'he shouted threats at her on Friday night, now barred from the site',
    "he threw a chair at staff, that was Tuesday and he hasn't been back",
    'historic abuse: her uncle burned her with a lighter',
    'her ex broke her jaw a while back, he got sent down for it',
    "he grabbed her by the hair last winter, she's fine now and he's been deported",
    // said in jest, a sport, a course
    "he said he'd kill her for eating his crisps, laughing his head off",
    'boxing club tonight, the lads are sparring and throwing punches',
    "my diploma assignment asks what I'd do if he's strangling her right now",
    'a client once had me backed up against the wall at my old job',
    'she said she wanted to jump off the bridge when she was with him, years ago',
    'is it still abuse if he only hits her when drunk? whats the law now',
    // cut off from contact, told in the past, a vent at a thing or at anyone, in jest
    "he sent threats all weekend so she's blocked him on everything",
    'before he was sectioned he kept threatening to strangle her',
    "I'm going to strangle the next laptop that freezes",
    "they'll hunt down whoever left the fire door open",
    "the boss is going to murder me when he sees the rota 😂",
    'she is writing a poem about him hitting her',
    // asked about: inside a question's "if", or what to call it
    "what should staff do if they walk in and he's strangling her right now?",
    "his family won't let her out of the house; could that be forced marriage?",
    'her cousins are threatening her over the engagement, is that classed as honour abuse?',
    // help as a thing offered, not a cry
    'the pilot during covid gave men who were hurting partners extra help to change',
    // a swear word, an argument, cooking, a noise explained, fiction, "still" in a question
    'the bloody lift is broken again, I could scream',
    'had a screaming match with my brother about the washing up',
    'his cut is from slicing bread with the big knife, all patched up now',
    "heard a bang from the yard but it's the bin lorry, nothing to worry about",
    'the man at the gate with the bat is actually the cricket coach',
    'fictional case discussion: he is holding a knife to her throat, what is the duty to warn?',
    'if a resident tells us she is being strangled, do we still fill in the DASH?',
    'what are the signs someone is being strangled regularly?',
  ])('"%s" does not get the emergency reply', (message) => {
    expect(assessDanger(message).level).not.toBe('now');
  });

  it.each(["she can't stop bleeding", "he won't stop hitting her", "she's having a fit", "he's not stopping, he's strangling her", "he won't let her go", 'let her go, you are hurting her', 'HELP flat 9', 'my colleage is bein attacked at the door', "he texted that he's round the corner and she'll be dead tonight", "he was arrested last month and now he's turned up with a machete",
    // terse fragments, the formal register, and English as a second language
    'blade. kitchen.',
    'machete, ground floor',
    'room 12 strangling',
    'help me he is here',
    'I am writing from the office: a man is currently restraining a resident in the hallway',
    'A serious assault is taking place in the garden at this moment.',
    'he beat her, I am seeing it from my window',
    // a threat told before, and him here now
    "in the summer he said he would kill her if she left him. he's parked outside now",
    "she's gone grey and floppy",
    'HE HAS GOT HER THROAT',
    'lad getting jumped by the bins out back',
    'ongoing assault in room 3',
    "can't find a pulse on her",
    "she's being held in his flat against her will",
    "he's about to pour a kettle over her",
    'bloke at her door yelling open up or ill kill u',
    'from the corridor we can hear punches landing and her begging',
    'someone is pushing burning rags through her letterbox',
    "he's got me pinned against the office door",
    "she moved in last month to get away from him and he's just turned up at reception shouting he'll kill her",
    // a long message asking what to do, with the worker hearing it as they write
    "Night shift at our scheme, on my own. Her boyfriend got in somehow and I can hear him punching her through the wall. Do I go up or wait for police?",
    // a body in trouble, in the words a worker uses
    "she's slurring her words and keeps nodding off after he hit her head on the sink",
    'the resident is losing consciousness',
    // someone at a height
    "she's sat on the ledge of the car park roof",
    'he says he will jump off the bridge because she left him',
    // the formal register, a noun for the threat, waiting at the exit
    'Staff are witnessing an assault on the first floor landing.',
    'Her ex-partner is present in reception and has made threats to kill her.',
    'The perpetrator is waiting by the fire exit and has threatened her by text.',
    'a man is pursuing our outreach worker along the river at this time',
    // threatening by message and on his way; held; hurt, with him still there
    "he's coming now to her flat, messaged that he'll bring a bat and hurt her",
    "he's got her wrists pinned behind her back",
    'he holds her down on the bed and the kids are screaming',
    "her nose is bleeding and the bloke's still in her room",
    // him arriving, in a few words
    'he is at the front door',
    'her ex is coming up the stairs',
    'he got out of prison yesterday and he is at the gate',
    // a threat, and him close by now
    "he's outside her door right now saying he's going to do her",
    'her ex is at reception as we speak saying he will deal with her',
    'three men at the front door saying she has got it coming',
    'he just rang her saying he is nearly there and she should say her prayers',
    'the perpetrator is positioned outside the building and has stated an intention to harm her',
    "a male visitor is refusing to leave and is threatening the night worker",
    "her brothers come to the hostel now, they say they will kill her",
    'he threatened her by phone this morning and I can now see him across the road',
    // a participle the tagger reads as a noun; a body in trouble, in more words; a signal agreed before
    "she's being strangled",
    'resident in the TV lounge is being strangled right now',
    "her breathing's gone really slow after he knelt on her",
    'she just texted our code word',
    "she asked for a taxi to the dentist, that's our agreed signal",
    "she's whispering that he's gone to get a knife",
    // regional forms, slang, the formal register, hurt with whoever did it still there
    "he's giein her a kickin in the close right noo",
    "he's mashing her up in the car park",
    'the respondent is currently at reception attempting to gain entry',
    'I could hear her screaming down the phone before it cut out',
    "found her unconscious with cuts to her face. Her boyfriend is still there. What do I do?",
  ])(
    'a negation that belongs to another verb does not hide "%s"',
    (message) => {
      expect(assessDanger(message).level).toBe('now');
    },
  );
});
