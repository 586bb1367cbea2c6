/**
 * Figures of speech that use danger words for something else: "the rota is killing me", "I could
 * murder a brew", "drowning in paperwork", "the printer has died". The danger check leaves them out
 * of a message before reading it (danger.ts), as it does its own short list of idioms.
 *
 * Written from general British English by a helper that saw neither the code nor any question
 * set (2026-12-07), and kept only where the phrase cannot also report real harm: "on fire", "cut
 * off", "beat her up" and "kill me" are not here. "dying inside", "screaming match", "tongue like
 * a razor", "razor sharp" and "in stitches" were added later, from eval/examples/danger-not-9 and -11. Lower case; matched as whole words.
 */
export const FIGURES_OF_SPEECH: readonly string[] = [
  'killing it', 'absolutely killed it', 'killing time', 'dressed to kill', 'two birds with one stone',
  'make a killing', 'would kill for a', 'if looks could kill', 'such a killjoy', 'killer instinct',
  'kill the process', 'it kills me', 'feet are killing me', 'rota is killing me', 'heat is killing me', 'slayed it',
  'dying inside', 'screaming match', 'tongue like a razor', 'razor sharp', 'in stitches', 'could murder a', 'get away with murder', 'traffic was murder', 'murder mystery', 'dying for a', 'dying to',
  'nearly died laughing', 'die hard fan', 'old habits die hard', 'to die for', 'do or die', 'death warmed up',
  'be the death of me', 'kiss of death', 'death by powerpoint', 'death stare', 'blue screen of death',
  'bored to death', 'sick to death of', 'dead cert', 'dead ringer', 'dead on my feet', 'dead easy', 'dead chuffed', 'dead set against', 'dead set on',
  'over my dead body', 'battery is dead', 'my phone died', 'printer has died', 'flogging a dead horse',
  'drop dead gorgeous', 'knock em dead', 'dying on this level', 'fatal error', 'bleeding heart', 'bleeding obvious',
  'bloody hell', 'bloody brilliant', 'bloody mary', 'blood out of a stone', 'makes my blood boil', 'fire away',
  'fired up', 'baptism of fire', 'hold fire', 'no smoke without fire', 'like a house on fire', 'under fire for',
  'firing on all cylinders', 'in the firing line', 'fire off an email', 'inbox is on fire', 'backfired on',
  'putting out fires all day', 'smoke and mirrors', 'smoking gun', 'plans went up in smoke', 'old flame',
  'shot down in flames', 'burning question', 'burn your bridges', 'burning the midnight oil', 'crash and burn',
  'feeling burnt out', 'what a scorcher', 'knife edge', 'have a stab at', 'knife through butter', 'cut corners',
  'cut to the chase', 'cutting it fine', 'cut me some slack', 'cutting edge', 'cut a long story short',
  'funding cuts', 'not cut out for', 'cut up about', 'jump the gun', 'going great guns', 'stick to your guns',
  'shooting yourself in the foot', 'long shot', 'give it a shot', 'shoot me an email', "don't shoot the messenger",
  'shot down my idea', 'bite the bullet', 'silver bullet', 'dodged a bullet', 'sweating bullets', 'bullet points',
  'penalty shootout', 'shot of espresso', 'my nerves are shot', 'went down a bomb', 'cost a bomb',
  'dropped a bombshell', 'looks like a bomb site', 'head is going to explode', 'inbox has exploded',
  'absolutely blown away', 'blow off steam', 'blow a fuse', 'blown out of proportion', 'blowing a gale',
  'having a blast', 'hit the roof', 'hit the hay', 'nail on the head', 'hit the ground running', 'hit it off',
  'hit and miss', 'hit the spot', 'hit the road', 'smash hit', 'knocked for six', 'hit reply all', 'hit send',
  'beat about the bush', 'beat the traffic', "can't beat a good", 'off the beaten track', "don't beat yourself up",
  'beat me to it', 'pull any punches', 'punching above your weight', 'pleased as punch', 'the punchline',
  'kick the habit', 'kicking myself', 'alive and kicking', 'kick off meeting', 'kick off time', 'free kick',
  'slap on the wrist', 'absolutely smashed it', 'had a smashing time', 'battered sausage', 'got hammered last night',
  'choked up', 'choked in the final', 'stranglehold on', 'drowning in paperwork', 'drowning in emails',
  'drowning my sorrows', 'like a drowned rat', 'breathing down my neck', 'take a breather', 'breath of fresh air',
  "don't hold your breath", 'gasping for a cuppa', 'for crying out loud', 'a far cry from', 'cry wolf',
  'an absolute scream', 'absolute screamer', 'crying out for', 'bored to tears', 'fighting fit', 'fighting chance',
  'fight your corner', 'losing battle', 'uphill battle', 'pick your battles', 'war of words',
  'nearly gave me a heart attack', 'attack of the giggles', 'battle royale', 'relegation battle',
  'fighting with the printer', 'stuck in traffic', 'stuck in a rut', 'stuck in a meeting', 'song stuck in my head',
  'tourist trap', 'poverty trap', 'locked out of my account', 'pain in the neck', 'pain in the backside',
  'no pain no gain', 'such a pain', 'hurt to ask', "wouldn't hurt a fly", 'insult to injury', 'injury time',
  'wound me up', 'salt in the wound', 'sight for sore eyes', 'bear with a sore head', 'crash course',
  'crash at mine', 'crash on the sofa', 'crashed out of the', 'nervous wreck', 'car crash tv', 'laptop crashed',
  'server crashed', 'app keeps crashing', 'poisoned chalice', 'pick your poison', 'hang on a minute',
  'hang in there', 'get the hang of', 'hung up on', 'bit hungover', 'leave me hanging', 'laptop keeps hanging',
  'low hanging fruit', 'break a leg', 'break the ice', 'break the bank', 'broken record', 'without breaking a sweat',
  'give me a break', 'lunch break', 'flat broke', 'car broke down', 'absolutely heartbroken', 'make or break',
  "if it ain't broke", 'talks collapsed', 'collapsed into bed', 'panic buying', 'panic stations',
  'emergency biscuits', 'fashion emergency', "can't help it", 'help yourself to', 'help desk', 'absolutely gutted',
  'bit my head off', 'had me in stitches', 'laughed my head off', 'absolutely shattered',
];
