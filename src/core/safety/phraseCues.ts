/**
 * Danger said in a phrase rather than in a single word ("can't breathe", "won't let her leave",
 * "threats to kill", "gone to get a knife"), for the danger check (danger.ts), which reads single
 * words from the danger vocabulary (dangerWords.ts) and these phrases alike as cues.
 */

/** A danger cue found in a sentence. */
export interface Cue {
  /** Where it starts, as an index into the sentence's words. */
  index: number;
  kind: 'attack' | 'weapon' | 'medical' | 'sign' | 'confine' | 'state' | 'threat' | 'injury';
  /** The phrase itself says now: "can't breathe", "won't let me leave", "is going to kill her". */
  present?: boolean;
  /** A hold on someone ("by the throat", "against the wall"): now when said with "has" or "got", not "had". */
  hold?: boolean;
}

/**
 * Danger said in a phrase rather than a word. `present` marks phrases that are in the present
 * by their grammar ("can't breathe", "won't let her leave", "he's going to kill her").
 */
export const PHRASE_CUES: Array<{ pattern: RegExp; kind: Cue['kind']; present?: boolean; hold?: boolean }> = [
  { pattern: /\b(?:can'?t|cannot|not|isn'?t|aren'?t|stopped|won'?t) (?:breath|breathe|breathing|wake|waking|respond|responding|responsive|moving|move|get up|getting up|conscious|answering)\b(?! to\b)/, kind: 'medical', present: true },
  { pattern: /\b(?:can'?t find a pulse|no pulse|barely breathing|hardly breathing|(?:doing|giving|started|starting) cpr|sudden silence)\b/, kind: 'medical', present: true },
  { pattern: /\b(?:can'?t|cannot|won'?t|not) (?:stop|stem) (?:the |her |his |their |my )?(?:bleeding|blood)\b/, kind: 'medical', present: true },
  { pattern: /\bbreathing(?:'s| is| has)? (?:gone |going |getting |really |very )?(?:shallow|funny|strange|slow|weird|noisy|rattly|laboured|raspy)\b/, kind: 'medical', present: true },
  // A danger signal agreed beforehand, given now: "she used our code word", "she sent 'red', her safe word".
  { pattern: /\b(?:used|sent|said|texted|gave|give|using|saying) (?:\S+ ){0,5}(?:code ?word|safe ?word|agreed signal|signal we agreed)\b|\b(?:code ?word|safe ?word|agreed signal)\b(?:\s+\S+){0,4}\s+(?:just now|now|means (?:he'?s|he is))|\b(?:that'?s|it'?s|which is|thats) (?:our|the|her) (?:agreed )?(?:signal|code ?word|safe ?word)\b/, kind: 'state', present: true },
  // Gone for a weapon: "he's gone to get a knife".
  { pattern: /\b(?:gone|going|went|run|ran|off) to (?:get|fetch|grab) (?:a|the|his|her|some) (?:knife|blade|weapon|hammer|bat|gun|machete|bottle|screwdriver)\b/, kind: 'weapon', present: true },
  { pattern: /\b(?:losing consciousness|(?:nodding|drifting) off|slurring (?:her|his|their) words|can'?t stay awake|going limp)\b/, kind: 'medical', present: true },
  { pattern: /\b(?:say\w*|threat\w*|going to|gonna|about to|will|'ll|trying to) (?:to )?jump\b(?! (?:at|in|on|through|ship|ahead|the queue|over|him|her|me|us|them|someone)\b)/, kind: 'state', present: true },
  // Someone at a height, about to jump: "on the roof edge", "on the bridge ledge ... says she'll jump".
  { pattern: /\b(?:on|at|over) (?:the )?(?:\w+ ){0,2}(?:roof ?edge|ledge|parapet)\b|\bon the edge of (?:the|a) (?:roof|bridge|balcony|car park)\b|\b(?:roof|ledge|bridge|parapet|railings?|balcony|window ?sill)\b(?:\s+\S+){0,8}?\s+jump\b/, kind: 'state', present: true },
  { pattern: /\bjump\b(?:\s+\S+){0,4}?\s+(?:off|from) (?:the|a) (?:roof|ledge|bridge|balcony|window|car park)\b/, kind: 'state' },
  { pattern: /\b(?:breathing (?:really |very )?(?:shallow|funny|strange)|(?:gone|went|go) (?:dead |really |very )?(?:quiet|silent)|then nothing|line went dead|eyes (?:shut|closed|rolling)|hanging off (?:its|the) hinges|(?:not|isn'?t|won'?t) (?:coming|come) round|(?:she|he|they|her|him|them)(?:'s|'re| is| are)? (?:been )?(?:knocked )?spark(?:ed)? out|in and out of consciousness|mouthing help|(?:is|'s|she|he) (?:down|out cold)|on the floor (?:and|not))\b/, kind: 'medical', present: true },
  { pattern: /\b(?:won'?t|will not|not) let (?:me|her|him|us|them|anyone) (?:out|leave|go(?! (?:out|anywhere|to|on|alone|shopping|outside|into|places|and see))|get out|get away|past|pass|escape|move|in|drive|off)\b|\bcan'?t get (?:out(?! of (?:bed|the bath|a chair))|away|past)\b|\b(?:standing|stood|sat|sitting) over (?:me|her|him|us)\b|\b(?:(?:'s|is|are|'re|was|got|getting|right|up|all) in|inches from) (?:my|her|his) face\b|\b(?:backed|pushed|got) (?:\w+ )?(?:into|in) a corner\b|\bsurround(?:ing|ed) (?:me|her|us|him)\b|\btrying the (?:handle|door)\b|\bright behind (?:me|her|us)\b|\b(?:he|they) (?:won'?t|will not) (?:go away|move|let go)\b|\bwon'?t give (?:them|it|my \w+|her \w+) back\b|\bwon'?t stop \w+ing\b|\b(?:he|they) won'?t leave (?:the|my|our) (?:office|room|building|door|desk|flat)\b|\bbetween me and the (?:door|exit)\b|\b(?:blocking|in front of) the (?:\w+ )?(?:door|exit|way)\b/, kind: 'confine', present: true },
  { pattern: /\b(?:he|she|they|ex|partner|man|lads?|someone)(?:'s| is| are|'re)? (?:\w+ )?(?:tooled up|armed)\b/, kind: 'weapon', present: true },
  { pattern: /\b(?:force|forcing|forced) (?:entry|(?:his|her|their) way in)\b/, kind: 'attack' },
  { pattern: /\b(?:against (?:her|his|my|their) will|not letting (?:me|her|him|us|them) (?:out|leave|go|get out)|(?:backed|pinned|pressed) (?:up )?against)\b/, kind: 'confine', present: true },
  // Set alight through a door: "burning paper pushed through her letterbox".
  { pattern: /\bburning (?:paper|rags?|cloth|material|something|stuff)\b|\b(?:pushed|put|shoved|poured) (?:\w+ )?(?:through|thru) (?:her|the|his|my) (?:door|letterbox|letter box)\b/, kind: 'sign' },
  // Heard, not seen: "can hear slaps and her pleading".
  { pattern: /\b(?:hear|hearing|heard)\b(?: \w+){0,3} (?:slaps|punches|thuds|blows|pleading|begging|sobbing|whimpering)\b/, kind: 'sign', present: true },
  // An attack named as a noun, said to be under way: "an assault is taking place", "a fight going on".
  { pattern: /\b(?:assault|attack|fight|stabbing|beating|rape|kidnapping|shooting|struggle)s? (?:is |are )?(?:happening|taking place|going on|in progress|under ?way)\b|\b(?:ongoing|active) (?:assault|attack|fight)\b/, kind: 'attack' },
  // Seen as it happens, in the formal register: "staff are witnessing an assault".
  { pattern: /\b(?:is|are|am|'m|'re) (?:currently )?(?:witnessing|observing|watching) (?:an? )?(?:\w+ )?(?:assault|attack|strangulation|stabbing|beating|fight|rape)\b/, kind: 'attack', present: true },
  { pattern: /\bthreats? to (?:kill|stab|hurt|harm|burn|shoot|attack|strangle)\b/, kind: 'threat' },
  // Held: "he's got my arm twisted up behind my back".
  { pattern: /\b(?:arms?|wrists?|hands?) (?:twisted|pinned|held|locked|tied|bent) (?:up )?(?:behind|against|down|together)\b/, kind: 'attack', hold: true },
  { pattern: /\b(?:is|are|'s|'re|am|'m) (?:\w+ )?(?:going to|gonna|about to|coming (?:round |up |back |over )?to|trying to|on (?:his|her|their) way to) (?:kill|stab|hurt|burn|shoot|strangle|batter|finish|attack|hit|beat|kick|slit|knife|torch|jump|rape|throw|pour|scald|go for)\b/, kind: 'threat', present: true },
  { pattern: /\b(?:won'?t live to see|(?:or|else) (?:i'?ll|he'?ll|i will|he will) (?:kill|hurt|stab|do)|\bor else\s*$)/, kind: 'threat' },
  { pattern: /\b(?:will|'ll|gonna|going to|(?:going|coming|on (?:his|the|their) way)(?: \w+){0,3} to) (?:kill|stab|hurt|burn|shoot|strangle|batter|finish|do \w+ in|attack|run \w+ (?:over|down)|break (?:her|his|my|your) \w+|sort \w+ out|slice|cut|get (?:her|him|me|you|them)|torch|smash|knock|beat|kick|glass|bottle|set fire)\b|\b(?:will|'ll|gonna|going to) (?:\w+ ){1,3}and (?:kill|stab|hurt|burn|batter|attack|beat)\b|\bshe'?s going to pay\b|\bfinish (?:her|him|me|them) off\b|\bdo (?:me|her|him|you) in\b|\b(?:she'?s|you'?re|he'?s|i'?m|your|ur|(?:she|you|he|i|they)(?:'?ll| will) be) (?:dead|a dead \w+)\b|\bsquar\w* up to\b|\bregret it\b|\bknows where (?:i|you|she|we) live/, kind: 'threat' },
  { pattern: /\b(?:by|round|around) (?:the |her |his |my |their |your )?(?:\w+'s )?(?:throat|neck|hair)\b|\b(?:has|got|grabbed|gripping|grabbing) (?:her|his|my|their) (?:throat|neck|hair)\b(?!\s+(?:brace|collar|scarf|done|cut|dyed|tied|up|pain|injury|tattoo|chain))|\bhands? on (?:her|his|my|their) (?:throat|neck)\b|\bheadlock\b|\b(?:up )?a?gainst (?:the )?wall\b|\bon top of (?:her|him|me)\b|\b(?:he|she|they)(?:'s| is| are|'re) (?:still )?on (?:her|him|me|them)(?=\s*(?:$|[,.!;]|now|again|in the|in her|in his|and)\b)|\b(?:got|grabbed|has) hold of\b|\bpinned (?:\w+ )?(?:up|down|against)\b|\bkneel\w* on (?:her|his|my|their|the \w+'s) (?:neck|chest|back|throat|head)\b|\bholding (?:her|his|the (?:baby|child|kid)'?s?|their) (?:head )?(?:under|over|out of|against|down)\b|\bholding (?:the )?(?:baby|child|kid|little one) (?:over|out of|under|up)\b/, kind: 'attack', hold: true },
  { pattern: /\bkick(?:s|ing|ed)? off at (?:me|us|staff|her|him)\b/, kind: 'attack' },
  { pattern: /\bgiv\w* (?:her|him|me|them|us) a (?:good )?(?:kicking|hiding|beating|battering|slap|pasting)\b|\bput (?:her|him|me) through (?:a|the) (?:\w+ )?(?:window|door|glass|wall|table)\b|\bknock\w* (?:seven bells|the living daylights|hell|lumps) out of\b|\bragg\w* (?:her|him|me) (?:about|around)\b|\bby force\b|\blaying into\b|\bgoing for (?:her|him|me|us|them|staff)\b|\bcoming at (?:me|her|him|us|them)\b|\bswung (?:for|at)\b|\bpushed (?:his|her|their) way\b|\bkicking (?:the|her|his|my) door\b/, kind: 'attack' },
  { pattern: /\b(?:break|breaking|kick|kicking|smash|smashing|bash|bashing) (?:the |her |his |my |our |their )?(?:\w+ )?(?:door|window)s? (?:down|in)\b|\btrying to (?:get|break|force (?:his|her|their) way) in\b|\b(?:attempting|trying) to (?:gain|force) (?:access|entry)\b/, kind: 'attack' },
  { pattern: /\b(?:looking|searching|hunting|coming) for (?:her|him|me|us|them)\b/, kind: 'confine' },
  { pattern: /\b(?:holding|holds?|held|got|has|keeping) (?:her|him|me|us|them) (?:in|down|against|there|hostage|prisoner)\b/, kind: 'confine', hold: true },
  { pattern: /\b(?:shouting|screaming|crying|yelling|calling|begging) (?:out )?(?:for help|help|for someone)\b|\bget off (?:me|her|him)\b|\blet (?:me|her) (?:go(?! (?:out|anywhere|to|on|alone|shopping|outside|into|places|and see))|out)\b|\bbegging (?:him|her) to stop\b|\b(?:screaming|shouting|yelling) at (?:him|them) to (?:stop|get off|leave (?:her|him) alone)\b/, kind: 'sign' },
  // Someone trying to stop an attack: "the 6 yr old is trying to pull him off her", "get him off her".
  { pattern: /\b(?:pull|pulling|pulled|get|getting|got|drag|dragging|dragged|prise|prising|prised|wrestle|wrestling|wrestled) (?:him|them|the man|her partner|her ex|her husband|her boyfriend|his dad|dad) off (?:of )?(?:her|me|him|them|the kids?|the baby|the child|his mum|my mum)\b/, kind: 'attack' },
  // Smothering with a thing: "pressing a pillow on her face", "holding a cushion over his face".
  { pattern: /\b(?:pillow|cushion|hand|bag|towel|blanket|duvet)s? (?:over|on|against) (?:her|his|my|their|the baby's|the child's) (?:face|mouth|nose)\b/, kind: 'attack' },
  { pattern: /\bset (?:fire|light) to\b|\bset (?:\w+ )?alight\b|\bon fire\b/, kind: 'sign' },
  { pattern: /\b(?:black eye|split lip|bruis\w*|marks? (?:round|on|around)|swollen|a lump|cuts? (?:on|to)|burn marks?|injur\w*|wounds?)\b/, kind: 'injury' },
];
