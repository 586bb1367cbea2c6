/**
 * The danger vocabulary: the words that say someone may be getting hurt, by what they say,
 * as dictionary forms (lemmas), so "strangled", "strangling" and "strangles" are one entry.
 * Drawn from the guidance and eval/examples/, in general terms; never from a validation or
 * test message. Misspellings are not listed: the detector corrects towards these words
 * (see language/spelling.ts).
 */

/** Hurting someone: a verb whose subject is the one doing harm. */
export const ATTACK = [
  'hit', 'punch', 'kick', 'slap', 'strangle', 'choke', 'throttle', 'stab', 'beat', 'batter', 'attack', 'assault',
  'hurt', 'rape', 'headbutt', 'stamp', 'bite', 'burn', 'shoot', 'kill', 'murder', 'slash', 'glass', 'drag', 'shove',
  'throw', 'pin', 'strike', 'thump', 'whack', 'bash', 'smother', 'suffocate', 'grab', 'shake', 'knife', 'smash',
  'boot', 'stomp', 'wallop', 'pummel', 'maul', 'injure', 'harm', 'force', 'squeeze', 'twist',
  'push', 'swing', 'threaten', 'terrorise', 'terrorize', 'torture', 'cut', 'scald', 'pour',
  'leather', 'deck', 'floor', 'lamp', 'twat', 'nut', 'chin', 'muller', 'slam', 'smack', 'clout', 'clobber', 'thwack',
  'biff', 'belt', 'thrash', 'pound', 'bludgeon', 'cudgel', 'cosh', 'bottle', 'backhand', 'uppercut', 'jab', 'spank',
  'whip', 'lash', 'knee', 'kneecap', 'elbow', 'trample', 'gouge', 'claw', 'slit', 'shank', 'shiv', 'chib', 'gash',
  'lacerate', 'impale', 'maim', 'mutilate', 'disfigure', 'dismember', 'behead', 'decapitate', 'disembowel', 'garrotte',
  'garotte', 'garrote', 'asphyxiate', 'drown', 'tase', 'taser', 'electrocute', 'torch', 'ignite', 'douse', 'immolate',
  'poison', 'spike', 'hurl', 'fling', 'yank', 'barge', 'ram', 'snatch', 'wrestle', 'overpower', 'manhandle', 'frogmarch',
  'kidnap', 'abduct', 'molest', 'grope', 'fight', 'brawl', 'ambush', 'pounce', 'lunge', 'savage', 'lynch', 'mug',
  'slaughter', 'assassinate', 'menace', 'square', 'restrain', 'tie', 'bundle', 'gag', 'jump', 'mash',
] as const;

/** Verbs that only hurt with an object that is a person: "pushing her", not "pushing the trolley". */
export const ATTACK_NEEDS_PERSON = new Set(['push', 'throw', 'grab', 'shake', 'force', 'drag', 'pin', 'cut', 'twist', 'swing', 'pour', 'smash',
  'slam', 'pound', 'belt', 'deck', 'floor', 'lamp', 'leather', 'twat', 'nut', 'chin', 'muller', 'lash', 'knee', 'elbow', 'hurl',
  'fling', 'snatch', 'drown', 'torch', 'ignite', 'douse', 'square', 'lunge', 'bottle', 'backhand', 'jab',
  'whip', 'claw', 'poison', 'spike', 'yank', 'barge', 'ram', 'wrestle', 'savage', 'slaughter', 'restrain', 'tie', 'bundle', 'gag', 'jump', 'mash']);

/** Weapons: danger when someone has, holds or uses one. */
export const WEAPON = [
  'knife', 'blade', 'machete', 'gun', 'firearm', 'pistol', 'rifle', 'shotgun', 'weapon', 'bat', 'hammer', 'screwdriver',
  'bottle', 'axe', 'crowbar', 'bar', 'scissors', 'petrol', 'acid', 'brick', 'belt', 'chain', 'syringe', 'needle', 'glass',
  'cleaver', 'bayonet', 'sword', 'sabre', 'saber', 'katana', 'dagger', 'switchblade', 'penknife', 'pocketknife', 'cutter',
  'boxcutter', 'razor', 'razorblade', 'scalpel', 'shard', 'shank', 'shiv', 'chib', 'hatchet', 'tomahawk', 'sickle', 'scythe',
  'pitchfork', 'spear', 'harpoon', 'mallet', 'sledgehammer', 'pickaxe', 'chisel', 'skewer', 'wrench', 'poker', 'jemmy',
  'baton', 'truncheon', 'cosh', 'knuckleduster', 'nunchucks', 'nunchaku', 'taser', 'crossbow', 'catapult', 'slingshot',
  'revolver', 'handgun', 'shooter', 'airgun', 'grenade', 'bomb', 'firework', 'molotov', 'accelerant', 'ammonia', 'corrosive',
  'mace', 'rope', 'noose', 'ligature',
] as const;

/** Having or using something: "he's got a knife", "waving a bat", "a man with a hammer". */
export const HOLDING = ['have', 'get', 'keep', 'own', 'bring', 'hold', 'carry', 'wave', 'point', 'pull', 'brandish', 'wield', 'armed', 'with', 'swing', 'use'] as const;

/** A body in trouble: states that need an ambulance. */
export const MEDICAL = [
  'unconscious', 'unresponsive', 'overdose', 'od', 'collapse', 'seizure', 'fit', 'fitting', 'convulse', 'blue', 'purple',
  'choke', 'motionless', 'lifeless', 'limp', 'faint', 'pass',
  'convulsion', 'haemorrhage', 'hemorrhage', 'asphyxiate', 'drown', 'comatose', 'unconsciousness', 'unrousable', 'unrouseable',
  'floppy', 'slump', 'keel', 'gasp', 'wheeze', 'breathless', 'froth', 'ashen', 'cyanotic', 'cyanosis', 'hypoxic', 'concussed',
  'concussion', 'delirious', 'anaphylactic', 'anaphylaxis', 'hypothermic', 'hypothermia', 'hypo', 'hypoglycaemic',
  'hypoglycemic',
] as const;

/** Sounds and signs instead of verbs: what a worker hears or sees. */
export const SIGN = [
  'scream', 'shriek', 'yell', 'sob', 'bang', 'thud', 'thump', 'crash', 'smash', 'blood', 'bleed', 'bloody',
  'hide', 'fire', 'smoke', 'flame', 'cry', 'wail', 'howl', 'groan', 'plead',
  'screech', 'squeal', 'yelp', 'holler', 'whimper', 'weep', 'cower', 'shatter', 'clatter', 'gunshot', 'gunfire', 'explosion',
  'bloodstain', 'bloodied', 'bloodshed', 'blaze', 'ablaze', 'alight', 'inferno', 'smoulder', 'smolder', 'fight', 'brawl',
  'scuffle', 'melee', 'commotion', 'disturbance',
] as const;

/** Being held or cut off: locked in, cornered, blocked, followed. */
export const CONFINE = [
  'lock', 'barricade', 'trap', 'corner', 'block', 'follow', 'stalk', 'chase', 'hostage', 'kidnap', 'abduct', 'grab', 'pin',
  'hunt', 'gag', 'ambush', 'lure', 'pursue', 'captive', 'shackle', 'entrap', 'blockade', 'lurk', 'prowl', 'tail', 'corral', 'cyberstalk',
  'confine', 'detain', 'imprison', 'surround',
] as const;

/** Words that say the sentence names danger outright: "in danger", "scared for my life". */
export const DANGER_STATE = ['danger', 'unsafe', 'life', 'safety'] as const;

/** People: a subject who can do harm, or a person harmed. Things ("the rota", "my feet") cannot. */
export const PEOPLE = [
  'he', 'she', 'they', 'him', 'her', 'them', 'me', 'us', 'i', 'we', 'you', 'someone', 'somebody', 'anyone', 'everyone',
  'man', 'woman', 'men', 'women', 'guy', 'bloke', 'lad', 'girl', 'boy', 'partner', 'boyfriend', 'girlfriend', 'husband',
  'wife', 'ex', 'fella', 'missus', 'resident', 'client', 'perp', 'perpetrator', 'dad', 'daddy', 'mum', 'mummy', 'mother',
  'father', 'brother', 'sister', 'son', 'daughter', 'kid', 'child', 'baby', 'toddler', 'colleague', 'staff', 'worker',
  'manager', 'person', 'people', 'stranger', 'family', 'friend', 'neighbour', 'neighbor', 'tenant', 'victim', 'survivor', 'mate',
  'nan', 'uncle', 'cousin', 'little one', 'one', 'infant', 'newborn', 'kids', 'children', 'stepdad', 'keyworker', 'officer', 'customer', 'visitor', 'lady', 'gentleman', 'gang',
  'teenager', 'teen', 'pensioner', 'carer', 'grandad', 'grandma', 'granny', 'nephew', 'niece', 'aunt', 'auntie', 'grandson', 'granddaughter',
  'stepson', 'stepdaughter', 'stepmum', 'flatmate', 'housemate', 'roommate', 'guard', 'volunteer', 'student', 'youngster', 'fiance', 'fiancee',
  // as reports and agencies write them
  'individual', 'user', 'adult', 'parent', 'pupil', 'male', 'female', 'occupant', 'sleeper',
  'lodger', 'guest', 'intruder', 'assailant', 'suspect', 'offender', 'youth', 'juvenile', 'minor', 'caller',
  // those who harm or exploit, and those met on a shift
  'abuser', 'attacker', 'pimp', 'dealer', 'punter', 'groomer', 'trafficker', 'exploiter', 'host', 'landlord', 'landlady',
  'bouncer', 'receptionist', 'caretaker', 'nurse', 'driver',
] as const;

/** Parts of a person, which can bleed or be hurt: "her head is bleeding". */
export const BODY = ['head', 'face', 'nose', 'mouth', 'lip', 'eye', 'arm', 'leg', 'hand', 'neck', 'throat', 'chest', 'back', 'body', 'side', 'wrist'] as const;

/** Every word form worth correcting a typo towards: each entry with its commonest inflections. */
export function dangerForms(): string[] {
  const lemmas = [...ATTACK, ...WEAPON, ...MEDICAL, ...SIGN, ...CONFINE, ...DANGER_STATE, 'breathe', 'breathing', 'conscious', 'respond', 'responding', 'moving', 'help', 'police', 'ambulance', 'strangulation'];
  const forms = new Set<string>();
  for (const lemma of lemmas) for (const form of inflections(lemma)) forms.add(form);
  return [...forms];
}

/**
 * The regular inflections of a word: a final e dropped, and a final consonant doubled after a
 * short vowel. A word of one syllable doubles ("stabbed"); a longer one mostly does not
 * ("threatened", "battered", "murdered") but sometimes does ("kidnapped"), so it gets both.
 */
function inflections(word: string): string[] {
  const forms = [word, `${word}s`];
  if (word.endsWith('e') && !word.endsWith('ee')) {
    forms.push(`${word.slice(0, -1)}ing`, `${word}d`);
    return forms;
  }
  const stems = [word];
  if (/[^aeiou][aeiou][bdgmnprt]$/.test(word)) {
    const oneSyllable = (word.match(/[aeiouy]+/g) ?? []).length === 1;
    stems.splice(0, 1, ...(oneSyllable ? [] : [word]), word + word.slice(-1));
  }
  for (const stem of stems) forms.push(`${stem}ing`, `${stem}ed`.replace(/eed$/, 'ed'));
  return forms;
}
