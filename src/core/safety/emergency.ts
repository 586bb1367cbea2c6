/**
 * Recognises a message that says someone is in danger *now*, so the bot can
 * answer "call 999, get safe" before anything else.
 *
 * The line it draws: danger described as happening now (present progressive
 * violence, a weapon in hand, a medical emergency, "right now") triggers it;
 * violence told in the past ("he hit her last week"), in a hypothetical
 * ("what if he gets violent") or as a question about guidance does not.
 *
 * It is deliberately a small set of readable rules, not a model: every
 * decision can be explained, and the tests in test/safety hold both sides.
 * When a message is ambiguous about time but describes a weapon or an attack
 * in the present tense, it errs towards safety.
 */

/** Words for hurting someone, in the -ing form used for what is happening now. */
const VIOLENT_ING = [
  'hitting', 'hiting', 'beating', 'punching', 'kicking(?! off)', 'slapping', 'strangling', 'strangeling', 'choking',
  'throttling', 'stabbing', 'attacking', 'assaulting', 'hurting', 'battering', 'smashing', 'raping',
  'shooting(?! up)', 'killing', 'headbutting', 'head butting', 'stamping on', 'suffocating', 'biting', 'slashing',
  'laying into', 'beating up', 'trying to (?:kill|stab|strangle|hurt|break in|break the door)',
  'dragging (?:her|him|me|them)', 'pushing (?:her|him|me) (?:around|over|down|against)', 'shoving',
  'throwing (?:things|stuff|objects|chairs|bottles|glasses|punches)', 'cutting (?:her|him|me|herself|himself)',
  'burning (?:her|him|me|herself|himself)', 'pinning (?:her|him|me)', 'going for (?:her|him|me|them|staff|us)',
  'threatening (?:her|him|me|us|them|staff|people|everyone|to (?:kill|hurt|stab|kick|smash|burn|hit|attack|beat|strangle|slit|set fire))',
  'breaking (?:down )?the door', 'kicking (?:in|down) the door', 'smashing up', 'holding a (?:knife|blade)',
  '(?:waving|pointing) (?:a|the|his|her) \\w+', 'coming at (?:me|her|him|us|them|staff|people)',
  'trying to (?:get in|break in|kick the door|get at (?:me|her|him))', 'pouring petrol', 'setting fire',
];

/** Verbs of intent that make a threat imminent: "he's about to stab her", "he's going to kill her". */
const IMMINENT_HARM = ['kill', 'stab', 'hurt', 'hit', 'attack', 'strangle', 'shoot', 'jump', 'burn', 'smash', 'beat', 'punch'];

const WEAPONS = [
  'knife', 'knives', 'nife', 'blade', 'machete', 'gun', 'firearm', 'weapon', 'bat', 'hammer', 'screwdriver', 'broken bottle',
  'axe', 'crowbar', 'iron bar', 'metal bar', 'scissors',
];

/** Medical emergencies, as states true right now. */
const MEDICAL = [
  /\b(?:not|isn'?t|is not|aren'?t|stopped|has stopped|'s stopped) breathing\b/,
  /\bcan'?t breathe\b/,
  /\b(?:is|'s|are|'re|lying|lies)\s+(?:\w+\s+)?(?:unconscious|unresponsive|passed out|out cold)\b/,
  /\b(?:is|'s|are|'re)\s+(?:\w+\s+)?bleeding\b/,
  /\bbleeding (?:heavily|badly|everywhere|a lot|loads|out)\b/,
  /\b(?:won'?t|will not|can'?t) wake (?:up|her|him)\b/,
  /\b(?:is|'s|has|are|'re|have)\s+(?:just\s+)?(?:collapsed|overdosed|od'?d|overdosing|fitting|having a fit|having a seizure)\b/,
  /\b(?:is|'s|are|'re) on fire\b/,
  /\b(?:turning|gone|going|is|'s) blue\b/,
  /\b(?:isn'?t|is not|not|aren'?t) responding\b(?! to)/,
  /\bthere'?s a fire\b/,
];

/** Explicit markers that something is happening now. */
const NOW = /\b(?:right now|now|at the moment|atm|as we speak|currently|this minute|happening|in progress)\b/;

/** Markers that the violence is in the past or habitual, not now. */
const PAST =
  /\b(?:yesterday|last (?:night|week|month|year|time|weekend|summer|winter|christmas)|ago|used to|in the past|previously|before|earlier|history of|in (?:the )?(?:summer|winter|spring|autumn)|years|months|weeks)\b/;

/** Markers that the message is hypothetical or asks for guidance about a situation. */
const HYPOTHETICAL =
  /\b(?:if|what if|in case|suppose|supposing|imagine|imagining|unless|whether|should i|would|could|might|may|when|whenever|how (?:do|should|can|would) (?:i|we|you))\b/;

const SUBJECT = String.raw`(?:he|she|they|someone|somebody|some ?one|a man|a woman|a guy|a bloke|her partner|his partner|my client|the client|the perp|the perpetrator|the resident|a resident|partner|boyfriend|girlfriend|husband|wife)`;
const BE = String.raw`(?:is|'s|s|are|'re|re|am|'m)`;
const ADVERB = String.raw`(?:\s+(?:now|still|actually|literally|currently|really|just|right now|all over))?`;

const violenceNow = new RegExp(String.raw`\b${SUBJECT}\s*${BE}${ADVERB}\s+(?:${VIOLENT_ING.join('|')})\b`);
const beingAttacked = new RegExp(
  String.raw`\b(?:i|i'?m|she|he|we|they|someone|somebody)\s*${BE}?\s*being\s+(?:attacked|hit|beaten|stabbed|strangled|choked|assaulted|raped|threatened|hurt|kicked|punched)\b`,
);
const imminent = new RegExp(
  String.raw`\b${SUBJECT}\s*${BE}\s+(?:about to|going to|gonna|trying to)\s+(?:${IMMINENT_HARM.join('|')})\b`,
);
const weaponNow = new RegExp(
  String.raw`\b(?:${SUBJECT}\s*(?:has|'s got|s got|has got|got|is holding|'s holding|is carrying|'s carrying|is waving|'s waving|is pointing|'s pointing)|there'?s|there is)\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+)?(?:\w+\s+)?(?:${WEAPONS.join('|')})\b`,
);
/** States that hold now: "he has her by the throat", "he's locked her in", "he's just stabbed him". */
const heldNow = new RegExp(
  String.raw`\b${SUBJECT}\s*(?:has|'s got|s got|has got|got|'s|s)\s+(?:just\s+)?(?:(?:her|him|me|them|us|someone)\s+(?:by the (?:throat|neck|hair)|cornered|pinned|trapped|held down|in a headlock)|(?:locked|pinned|cornered|trapped|barricaded)\s+(?:her|him|me|them|us|himself|herself)|just\s+(?:stabbed|hit|attacked|punched|strangled|kicked|beaten|shot|assaulted|glassed))\b`,
);
/** A threat being made now: "says he'll kill her", "keeps saying he'll stab me". */
const threatNow = /\b(?:says|saying|keeps saying|is threatening|'s threatening|threatens)\s+(?:he'?ll|he will|he'?s going to|he'?s gonna|she'?ll|she will|they'?ll|they will|to)\s+(?:kill|stab|hurt|burn|attack|slit|set fire|shoot|strangle)\b/;
/** Someone carrying a weapon now, "a man with a gun outside", "he's following me with a knife". */
const withWeapon = new RegExp(
  String.raw`\b(?:(?:there'?s|there is|there are)\s+(?:a|an|some)\s+\w+|${SUBJECT}\s*(?:is|'s|s|are|'re)\s+[\w\s]{0,40}?)\s+with\s+(?:a|an|his|her|the)\s+(?:\w+\s+)?(?:${WEAPONS.join('|')})\b`,
);
const handsOnThroat = new RegExp(
  String.raw`\b(?:${SUBJECT}\s*(?:has|'s got|s got|has got|got|'s put|has put)|with)\s+(?:his|her|their) hands? (?:round|around|on) (?:her|his|my|their) (?:neck|throat)\b`,
);
const violentNow = new RegExp(String.raw`\b${SUBJECT}\s*${BE}${ADVERB}\s+(?:being|getting|gettin|going|become|becoming)\s+(?:violent|physical)\b`);
const inDanger = new RegExp(
  String.raw`\b(?:i'?m|i am|we'?re|we are|(?:she|he|they|someone|somebody|my client|the client)\s*(?:is|'s|s|are|'re))\s+in (?:immediate |serious |real )?danger\b`,
);
const fearForLife = /\b(?:scared|afraid|frightened|fear) for (?:my|her|his|their|our) life\b/;
const nowViolenceNoun = /\b(?:fight|fighting|attack|assault|stabbing|violence)\b/;

export interface EmergencyAssessment {
  emergency: boolean;
  /** Which rule fired, for tests and telemetry (never the message text). */
  rule?: string;
}

/** Misspellings seen when people type in a panic, and dropped g's ("breathin", "hittin"). */
const PANIC_TYPOS: Record<string, string> = {
  attaking: 'attacking',
  atacking: 'attacking',
  stabing: 'stabbing',
  kiling: 'killing',
  breathin: 'breathing',
  hittin: 'hitting',
  punchin: 'punching',
  kickin: 'kicking',
  stabbin: 'stabbing',
  chokin: 'choking',
  bleedin: 'bleeding',
  threatnin: 'threatening',
  threatning: 'threatening',
  threating: 'threatening',
};

export function normaliseForSafety(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[a-z]+/g, (word) => PANIC_TYPOS[word] ?? word);
}

/** Splits on sentence ends and on "but"/"and now" so a past clause cannot mask a present one. */
function clauses(text: string): string[] {
  return text
    .split(/[.!?;\n]+|,\s*(?=(?:and |but |now |he |she |they ))|\bbut\b/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function assessEmergency(message: string): EmergencyAssessment {
  const text = normaliseForSafety(message);
  if (!text) return { emergency: false };
  for (const clause of clauses(text)) {
    const rule = matchClause(clause);
    if (rule) return { emergency: true, rule };
  }
  return { emergency: false };
}

const RULES: Array<{ name: string; pattern: RegExp }> = [
  { name: 'violence-now', pattern: violenceNow },
  { name: 'being-attacked', pattern: beingAttacked },
  { name: 'imminent-harm', pattern: imminent },
  { name: 'weapon', pattern: weaponNow },
  { name: 'hands-on-throat', pattern: handsOnThroat },
  { name: 'held-now', pattern: heldNow },
  { name: 'threat-now', pattern: threatNow },
  { name: 'with-weapon', pattern: withWeapon },
  { name: 'violence-continues', pattern: new RegExp(String.raw`\band\s+(?:is|'s)\s+(?:still\s+|now\s+)?(?:${VIOLENT_ING.join('|')})\b`) },
  { name: 'getting-violent', pattern: violentNow },
  { name: 'in-danger', pattern: inDanger },
  { name: 'fear-for-life', pattern: fearForLife },
  ...MEDICAL.map((pattern) => ({ name: 'medical', pattern })),
];

function matchClause(clause: string): string | undefined {
  const explicitNow = NOW.test(clause);
  for (const { name, pattern } of RULES) {
    const match = pattern.exec(clause);
    if (!match) continue;
    const before = clause.slice(0, match.index);
    // "what if he has a knife", "if she stops breathing": a hypothetical before the danger.
    if (HYPOTHETICAL.test(before)) continue;
    // "he was stabbed years ago", "he's been threatening her for weeks": past or habitual, unless also "now".
    if (PAST.test(clause) && !explicitNow) continue;
    return name;
  }
  // "there's a fight happening now", "there's an attack going on right now"
  if (explicitNow && nowViolenceNoun.test(clause) && !HYPOTHETICAL.test(clause) && !PAST.test(clause)) return 'violence-noun-now';
  return undefined;
}
