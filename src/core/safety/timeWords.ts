/**
 * When the danger check reads a message as happening: words that say now, time words that put it
 * in the past (days back, or just recently) or not yet, words that say someone is arriving, and
 * words that say it is over. Shared by the sentence rules and the message-level readings of
 * danger.ts.
 */

/** Words that say it is happening now. */
export const NOW_WORDS = /\b(?:now|right now|currently|still|tonight|at the moment|at this moment|at this time|at present|as we speak|taking place|in progress|ongoing|en route|making (?:his|her|their) way|as i type|this minute|happening|(?<!been )going on|on (?:his|her|their|the) way|min(?:ute)?s? away)\b/;

/** Time words that put it days or more in the past, not minutes: "in 2022", "in Jan", "weeks ago", "used to". */
const DISTANT_PAST_WORDS = String.raw`(?:19|20)\d\d|(?:that|this|it) (?:was|happened) (?:before|after|(?:years|months|weeks) (?:ago|back)|(?:back )?in (?:19|20)\d\d|(?:january|february|march|april|may|june|july|august|september|october|november|december))\b|before (?:she|he|they) (?:moved|fled|left|came|went|was (?:moved|housed|rehoused))|the (?:night|day|week|morning) (?:she|he|they) (?:left|fled|moved)|last (?:week|month|year|summer|winter|spring|autumn|christmas|xmas)|(?:a|one|two|three|four|five|six|few|couple of|several|\d+) (?:days?|weeks?|months?|years?) ago|(?:days|weeks|months|years) ago|in (?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)|used to|used 2|in the past|previously|history (?:of|with)|historic(?:al)?|(?:in|from|during) (?:her|his|my|their) childhood|as a (?:child|kid|teenager)|at the time|during (?:the )?lockdown|during (?:covid|the pandemic)|a while (?:back|ago)|ages ago`;

export const DISTANT_PAST = new RegExp(String.raw`\b(?:${DISTANT_PAST_WORDS})\b`);

/** Time words that put it in the past, however recent ("earlier", "this morning"), or not yet ("tomorrow"). */
export const PAST_WORDS = new RegExp(
  String.raw`\b(?:${DISTANT_PAST_WORDS}|(?:he|she|they|i|we) once (?=\w+ed\b|got|had|held|hit|threw|put|said|took|made|broke|came|went|kept|let|stood|beat)|yesterday|last (?:night|time|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|ago|earlier|on (?:my|her|his|the|our) last \w+|tomorrow|next (?:week|month)|back in (?:the day|those days|the \w+ties|the \d0s)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this morning|the other (?:day|night|week)|when (?:she|he|they) (?:was|were|lived)|in (?:her|his|their) (?:last|previous|old) \w+|has form|convicted|served time|did time|last relationship|in the (?:summer|winter|spring|autumn)|(?:at|over|this|last) (?:christmas|easter|the weekend|weekend)|in may|last \w+ (?:night|day|weekend)|the (?:day|morning|night) after|for (?:weeks|months|days|ages|years)|before(?!\s+(?:he|she|they|it|i|we|you|the|his|her|my|someone|anyone|then|now)\b)|old (?:injur\w*|wounds?|scars?|bruis\w*)|(?:weeks|days|months|years) back|(?:at|in) (?:her|his|their) (?:last|previous|old) \w+|(?:from|on) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:night|morning|afternoon|evening)|(?:after|since|following) (?:the|her|his|their|a) (?:death|funeral|incident|inquest)|(?:that|this|it) was (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b`,
);

/** Someone arriving: what makes a message with a date in it about now ("moved in last week ... he's just turned up"). */
export const ARRIVING = /\b(?:turn(?:ed|ing|s)? up|show(?:ed|n|ing|s)? up|arrived|heading (?:to|for|towards|over|round)|on (?:his|her|their|the) way|coming (?:up|round|over|back|here|to))\b/;

/** It is over: "he's been arrested", "she's safe now", "it's calm". */
export const RESOLVED = /\b(?:been arrested|was arrested|(?:he|she|they)(?:'s| has| have|'ve) (?:gone|left)(?=\s*(?:$|[.,;!]|now|home|to(?! (?:get|fetch|grab)\b)|away|out|back|off|for)\b)|gone to bed|calmed down|(?:is|'s) safe|all calm|dealt with|boarded up|discharged|since been|been moved|been barred|nobody'?s at risk|no one'?s at risk|it'?s fine|it'?s (?:all )?over|been nicked|nicked him|taken away|in custody|in the cells|on bail|(?:was|been|got) (?:removed|escorted (?:off|out))|deported|(?:in|to) (?:prison|jail)|behind bars|on remand|sent down|banged up|(?:has ?n[o']t|has not|not) been (?:back|seen|around)|no (?:sign of him|contact) since|(?:all|it'?s|that'?s) sorted|all good|false alarm|(?:all )?(?:patched|bandaged|stitched) up|turned out (?:to be|it was)|(?:its|it is) safe|(?:is|was|'s) actually (?:the|a|an|just|his|her|their)|\bbut (?:it'?s|it was|it is|that'?s|that was) (?:just |only |actually )?(?:the|a|an|his|her|their|our|my)\b|(?:he'?s|he is|he was|been) (?:locked up|remanded|charged)|feels? safe|(?:fire|flames?)(?: in (?:the|her|his|a) \w+)?(?:'s| is| are)? (?:out|put out)|police (?:got|took|have taken|'ve taken|removed|arrested)|(?:she|he|they)(?:'s| is| are|'re)(?: shaken| shook| upset| sore| bruised| tired| quiet)?(?: but)? (?:ok|okay|fine|alright|safe|sound))(?: now)?\b/;

/** "what now", "what do I do now": asking what to do next, not saying it is happening now. */
export const WHAT_NOW = /\bwhat (?:(?:do|should|can|shall) (?:i|we) (?:\w+ (?:and|or) )?do )?now\b/g;

/** "now barred", "now rehoused": where things stand after it, not that it is happening now. */
const NOW_AFTER = /\bnow (?:(?:he|she|they)(?:'s| is| are|'re| has been| have been)? )?(?=barred|banned|rehoused|housed|moved|settled|deported|on bail|remanded|in (?:prison|jail|custody|hospital|a refuge))/g;

/** "he's now saying she hit him", "now Kieran's telling everyone...": now as in these days, of what someone says. */
const NOW_SAYING = /\bnow (?:(?:he|she|they|[a-z]+'s)(?:'s| is| are|'re)? )?(?=(?:saying|says|telling|tells|claiming|claims|blaming|blames|accusing|accuses|insisting|insists|denying|denies|reckons)\b)/g;

/** "do we still do the DASH": still as in nonetheless, in a question. */
const STILL_ASKED = /\b(?:do|does|did|can|could|should|would|will|is|are|was|were) (?:we|i|you|they|it|she|he) still\b/g;

/** Whether a text says it is happening now, once what says it is over ("it's over now", "now barred") and "what now" are set aside. */
export function saysNow(text: string): boolean {
  return NOW_WORDS.test(text.replace(NOW_AFTER, ' ').replace(NOW_SAYING, ' ').replace(RESOLVED, ' ').replace(WHAT_NOW, ' ').replace(STILL_ASKED, ' '));
}
