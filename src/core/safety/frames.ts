/**
 * Frames: training, a role play, fiction, the news, a game. A message that frames what it tells
 * ("In the role play he's strangling her", "... that's the scenario for the lockdown drill") is not
 * danger now, however alarming its words. A frame word met in passing is no frame: "I'm a student
 * on placement and a man in reception is saying he'll stab her", "he's strangling her in the TV
 * room, the news is on". Until 2026-12-07 any of these words anywhere in a message silenced it;
 * eval/examples/danger-frames-16.yaml (matched pairs written blind) measures the difference.
 */

/** Words that can frame what a message tells as not happening: training, fiction, the news, games, sport, coursework. */
const FRAMED = /\b(?:training|role ?-?play|scenario|exercise|quiz|course|induction|case study|practice (?:case|question|example)|practise|students?|learners?|e-?learning|songs?|poems?|lyrics|memoir|novel|nvq|diploma|qualification|assignment|coursework|essay|apprenticeship|module|drill|simulations?|simulated|tabletop|made-?up|read about|news|headlines?|article|newspapers?|in the papers?|documentary|story|podcast|film|bbc|published|homicide review|research|statistics|programme on|on (?:the )?(?:tv|telly)|tv (?:show|programme|series|drama|documentary)|exams?|inquests?|coroner|test message|this is a test|series|episodes?|soaps?|netflix|eastenders|hollyoaks|corrie|coronation street|emmerdale|clip|drama|box set|watching it|video games?|computer games?|boxing|fight night|sparring|martial arts|mma|kickboxing|karate|judo|xbox|ps[45]|playstation|fortnite|gaming|zombies?|call of duty|gta|console|fictional|fictitious|vignette|case discussion)\b/;
const FRAME_WORDS = new RegExp(FRAMED.source, 'g');
/**
 * Frame words that say fiction, media, sport or coursework whatever surrounds them ("a drama on
 * BBC", "on the Xbox", "my coursework"). The others (training, course, students, the news,
 * research...) are as often met in passing and frame only when set up as a frame.
 */
const ALWAYS_FRAMES = /^(?:songs?|poems?|lyrics|memoir|novel|documentary|podcast|film|bbc|episodes?|soaps?|netflix|eastenders|hollyoaks|corrie|coronation street|emmerdale|clip|drama|box set|video games?|computer games?|boxing|fight night|sparring|martial arts|mma|kickboxing|karate|judo|xbox|ps[45]|playstation|fortnite|gaming|zombies?|call of duty|gta|console|fictional|fictitious|vignette|case discussion|role ?-?play|tabletop|made-?up|published|headlines?|newspapers?|in the papers?|read about|homicide review|inquests?|coroner|test message|this is a test|programme on|on (?:the )?(?:tv|telly)|tv (?:show|programme|series|drama|documentary)|e-?learning|nvq|diploma|coursework|essay|assignment|apprenticeship|qualification|exams?|statistics)$/;
/** A frame word that names a place or people, not a frame: "the training room", "students on the floor", "the research team". */
const FRAME_AS_PLACE = /^\s*(?:rooms?|flats?|halls?|kitchen|lounge|area|centre|center|team|people|nurse|officer|support|workers?|placement|visitors?|block|wing|suite)\b/;
/** What follows a frame word set up as one: "scenario 5:", "exam question", "news report", "training on stalking". */
const FRAME_AFTER = /^\s*(?:\d+\s*)?(?::|questions?\b|paper\b|brief\b|scenario\b|answers?\b|report\b|story\b|article\b|item\b|pack\b|materials?\b|video\b|(?:on|about) (?!the floor|site|shift|duty|placement|my|her|his)\w)/;
/** Set up as a frame: "on the news", "in the training scenario", "from the case study", "for the test", "it's the climax of the film", "writing a quiz". */
const FRAMING_BEFORE = /(?:\b(?:on|saw|seen|heard|read|watched|watching)\s+(?:the\s+)?|\b(?:in|from|of|for)\s+(?:(?:the|a|an|my|our|this|that|their|her|his|your)\s+)?(?:[\w'-]+\s+){0,2}|\b(?:that'?s|this is|it'?s|its|this was|that was|it was|is from|was from|based on)\s+(?:[\w'-]+\s+){0,4}|\b(?:writ(?:e|ing)|design(?:ing)?|mak(?:e|ing)|prepar(?:e|ing)|run(?:ning)?|plan(?:ning)?|deliver(?:ing)?|need|want|told|tell(?:ing)?|retell(?:ing)?)\s+(?:a|an|the|my|our|some|her|his|their)\s+(?:[\w'-]+\s+){0,2})$/;
/** A frame denied: "I'm meant to be on my case study but this is real", "not a drill". */
const FRAME_DENIED = /\b(?:(?:this|it)(?:'s| is) (?:for )?real|for real|not a (?:drill|test|joke|role ?-?play|scenario|film|game|exercise)|(?:this|it) is ?n'?t (?:a )?(?:drill|test|training|role ?-?play|scenario|exercise))\b/;
/** ... but not a worker going somewhere: "I was just leaving for training". */
const GOING_FOR = /\b(?:leaving|going|off|heading|late|ready|left|gone|away|due|back)\s+(?:for|from)\s+(?:[\w'-]+\s+){0,3}$/;

/**
 * Whether a message frames what it tells as training, a role play, fiction, the news or a game:
 * some frame word in it always frames (a drama, the Xbox), opens its sentence (after at most one
 * word: "Training scenario:", "My coursework:"), is set up as one ("in the role play", "that's
 * the scenario for") or is followed as one ("scenario 5:", "exam question"). A frame word met in
 * passing ("I'm a student on placement", "the TV room", "I was just leaving for training", "the
 * news is on in there") frames nothing, and "this is real" denies a frame.
 */
export function isFramed(text: string): boolean {
  if (FRAME_DENIED.test(text)) return false;
  for (const match of text.matchAll(FRAME_WORDS)) {
    const i = match.index ?? 0;
    const after = text.slice(i + match[0].length, i + match[0].length + 24);
    if (FRAME_AS_PLACE.test(after)) continue;
    const before = text.slice(Math.max(0, i - 60), i);
    const lead = before.split(/[.!?\n:;—–]|\s-\s/).pop() ?? '';
    const opens = lead.trim() === '' || lead.trim().split(/\s+/).length <= 1;
    const setUp = FRAMING_BEFORE.test(before) && !GOING_FOR.test(before);
    if (ALWAYS_FRAMES.test(match[0]) || opens || setUp || FRAME_AFTER.test(after)) return true;
  }
  return false;
}
