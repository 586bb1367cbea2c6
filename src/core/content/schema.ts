/**
 * The shape of Waypoint's content: guidance cards, decision trees, the source
 * registry and the menu. These zod schemas are the single definition of each
 * format: the loader validates YAML against them and `npm run content:schemas`
 * turns them into the JSON Schemas under `schemas/` that editors use.
 *
 * Shape only. Whether references resolve and trees are well-formed graphs is
 * checked separately, in `validate.ts` (Rasa's split between schema and graph).
 */
import { z } from 'zod';

/** kebab-case: lower-case words joined by single hyphens. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits and single hyphens)');

const Text = z.string().trim().min(1, 'must not be empty');

export const Audience = z.enum(['worker', 'trainee', 'supervisor']);

/** A range ("120-134") or a single number (57), kept as text. */
const Range = z.union([
  z.number().int().positive().transform(String),
  z.string().regex(/^\d+(?:-\d+)?$/, 'must be a number or a range like 12-40'),
]);

/** A citation: which registered document, and which of its sections. */
export const SourceRef = z
  .object({
    document: Id.describe('A document id from content/sources.yaml'),
    section: Id.describe('The id of one of that document\'s sections in content/sources.yaml; replies show its heading'),
    paragraphs: Range.optional().describe('The document\'s own paragraph numbers, where it numbers them'),
    also: z
      .array(Id)
      .optional()
      .describe('Other sections of the same document this item also draws on (replies cite the main section)'),
  })
  .strict();

/**
 * What has changed since the source was written, kept apart from what the
 * source says. Only well-established changes; leave it out when unsure.
 */
export const CurrencyNote = z
  .object({
    since: Text.describe('When the change took effect, e.g. "July 2021"'),
    text: Text.describe('What changed, in one or two sentences'),
    source: Id.describe('The public source that shows the change: the id of an entry under `public` in content/sources.yaml (an Act section or a gov.uk page)'),
  })
  .strict();

/** A calendar date, written YYYY-MM-DD. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

/**
 * Who answers for an item and when it was last checked against its sources, so content cannot
 * silently go stale (`npm run content:check` fails once `reviewDue` has passed).
 */
const ReviewFields = {
  owner: Text.describe('Who answers for this item: a role, such as "Waypoint content lead"'),
  reviewed: IsoDate.optional().describe('When it was last checked against its sources; leave out if it never has been'),
  reviewDue: IsoDate.describe('When it must next be checked; content:check fails after this date'),
};

/** Words people type that should find this item: questions in workers' own words, abbreviations, variants. */
export const SearchAids = z
  .object({
    questions: z.array(Text).default([]).describe('Questions a worker might type, in their own words'),
    synonyms: z.array(Text).default([]).describe('Abbreviations, variants and spellings (DA, DV, perp, humor)'),
  })
  .strict();

/** A national helpline, taken digit for digit from a source document. */
export const Contact = z
  .object({
    name: Text,
    number: z.string().regex(/^[0-9 ]{3,20}$/, 'must be digits and spaces only'),
    hours: Text,
    for: Text.describe('Who it is for, e.g. "survivors", "people who use abuse", "staff"'),
  })
  .strict();

/** The local services an organisation can configure (config/local-services.yaml). */
export const LocalServiceKey = z.enum([
  'domestic-abuse-service',
  'marac-coordinator',
  'idva-service',
  'perpetrator-service',
  'duty-manager',
  /** The organisation's domestic abuse lead. */
  'da-lead',
]);

/** Facts in a step or feedback that the guidance documents do not hold (such as SafeLives' MARAC criteria): the public pages that do. */
const PublicSources = z
  .array(Id)
  .default([])
  .describe('Ids under `public` in content/sources.yaml for facts here that the cited document does not hold');

export const Card = z
  .object({
    id: Id,
    title: Text,
    summary: Text.describe('One line: what this card tells you'),
    audience: z.array(Audience).min(1),
    keyPoints: z.array(Text).min(1).describe('The guidance itself, as short points a worker can act on'),
    trySaying: z.array(Text).default([]).describe('Suggested phrasings, written afresh in the spirit of the guidance'),
    nextSteps: z.array(Text).default([]),
    contacts: z.array(Contact).default([]),
    localServices: z
      .array(LocalServiceKey)
      .default([])
      .describe('Local services (configured per organisation) this card points the worker to'),
    appliesIn: Text.optional().describe('Where the law or duty the card states applies, e.g. "England"'),
    currency: z.array(CurrencyNote).default([]),
    related: z.array(Id).default([]).describe('Ids of related cards or trees'),
    search: SearchAids.default({ questions: [], synonyms: [] }),
    source: SourceRef,
    publicSources: PublicSources,
    ...ReviewFields,
  })
  .strict();

/** One answer a worker can give at a question node. */
export const TreeOption = z
  .object({
    id: Id.describe('Unique within the node; part of the button value'),
    label: Text.describe('Button text; also what a worker can type'),
    next: Id.describe('The node this option leads to'),
    back: z
      .boolean()
      .optional()
      .describe('Marks a deliberate edge back to an earlier node; only such edges may form cycles'),
    emergency: z
      .boolean()
      .optional()
      .describe('Someone is in danger now: choosing this shows the emergency reply (999, get safe) first, and the walk goes on at `next` when the worker carries on'),
  })
  .strict();

const NodeBase = {
  text: Text.describe('What the worker reads at this step'),
  points: z.array(Text).default([]),
  trySaying: z.array(Text).default([]),
  source: SourceRef,
  publicSources: PublicSources,
};

export const QuestionNode = z
  .object({ type: z.literal('question'), ...NodeBase, options: z.array(TreeOption).min(2) })
  .strict();

export const AdviceNode = z
  .object({ type: z.literal('advice'), ...NodeBase, next: Id.describe('The node that follows this advice') })
  .strict();

export const OutcomeNode = z
  .object({
    type: z.literal('outcome'),
    ...NodeBase,
    cards: z.array(Id).default([]).describe('Cards to read next'),
    trees: z.array(Id).default([]).describe('Walk-throughs to go to next (for a step this walk cannot take for the worker)'),
  })
  .strict();

export const TreeNode = z.discriminatedUnion('type', [QuestionNode, AdviceNode, OutcomeNode]);

export const Tree = z
  .object({
    id: Id,
    title: Text,
    summary: Text,
    audience: z.array(Audience).min(1),
    search: SearchAids.default({ questions: [], synonyms: [] }),
    related: z.array(Id).default([]),
    source: SourceRef.describe('The main section this tree is drawn from'),
    start: Id,
    nodes: z.record(Id, TreeNode),
    outcomeChecklist: z
      .array(Text)
      .default([])
      .describe('What the worker must do at every outcome of this walk (record the decision, tell the DA lead), shown under each outcome'),
    ...ReviewFields,
  })
  .strict();

/** How safe a practice response is, best first. */
export const Grade = z.enum(['safe', 'partly-safe', 'collusive', 'unsafe']);

/** One response a trainee can choose at a moment of a practice scenario. */
export const ScenarioResponse = z
  .object({
    id: Id.describe('Unique within the moment; part of the button value'),
    label: Text.describe('What the trainee does or says, short enough for a button'),
    grade: Grade,
    feedback: Text.describe('Why this response is safe, partly safe, collusive or unsafe, in terms of the guidance'),
    source: SourceRef.describe('The section the feedback rests on'),
    publicSources: PublicSources,
    read: z.array(Id).default([]).describe('Cards that explain this, to read at the debrief'),
    next: Id.optional().describe('The moment this response leads to; leave out to end the scenario with the debrief'),
  })
  .strict();

export const ScenarioMoment = z
  .object({
    text: Text.describe('What happens now, as the trainee sees it'),
    responses: z.array(ScenarioResponse).min(2),
  })
  .strict();

export const Scenario = z
  .object({
    id: Id,
    title: Text,
    summary: Text.describe('One line for the scenario list'),
    scene: z
      .object({
        setting: Text.describe('Where this happens: outreach, a hostel, a Housing First flat...'),
        present: Text.describe('Who is there'),
        happened: Text.describe('What has happened so far'),
      })
      .strict(),
    source: SourceRef.describe('The section the scenario is grounded in'),
    start: Id,
    moments: z.record(Id, ScenarioMoment),
    debrief: z
      .object({
        cards: z.array(Id).default([]).describe('Cards every trainee should read after this scenario'),
      })
      .strict()
      .default({ cards: [] }),
  })
  .strict();

/** The stages of a reflective session, in the order they are taken. */
export const REFLECTION_STAGES = [
  'what-happened',
  'thoughts-and-feelings',
  'went-well-and-hard',
  'making-sense',
  'next-time',
  'support',
] as const;
export const ReflectionStage = z.enum(REFLECTION_STAGES);

export const ReflectionPrompt = z
  .object({
    id: Id,
    stage: ReflectionStage,
    prompt: Text.describe('The question the supervisor puts; the answer is typed in the session and deleted at its end'),
    hints: z.array(Text).default([]).describe('Follow-up questions to draw the answer out'),
    cards: z.array(Id).default([]).describe('Cards that help at this prompt'),
    source: SourceRef,
  })
  .strict();

export const Reflection = z
  .object({
    id: Id,
    title: Text,
    summary: Text.describe('One line for the list of sessions'),
    for: z.array(z.enum(['worker', 'team'])).min(1).describe('Run with one worker, a team, or either'),
    source: SourceRef.describe('The section the session is grounded in'),
    prompts: z.array(ReflectionPrompt).min(6),
  })
  .strict();

/** Sections that carry no guidance: coverage leaves them out. */
export const SectionKind = z.enum(['substantive', 'contents', 'acknowledgements', 'references', 'front-matter']);

export const SourceSection = z
  .object({
    id: Id.describe('How content cites this section'),
    title: Text.describe('The heading exactly as the document prints it'),
    parent: Id.optional().describe('The id of the section this one sits under'),
    lines: Range.optional().describe('Where the section is in the seed file'),
    paragraphs: Range.optional().describe('The document\'s own paragraph numbers in this section'),
    kind: SectionKind.default('substantive'),
  })
  .strict();

export const SourceDocument = z
  .object({
    id: Id,
    title: Text,
    shortTitle: Text.describe('How replies name the document: "From: <shortTitle>, <section heading>"'),
    publisher: Text,
    date: Text.optional().describe('As printed on the document; leave out when it carries none'),
    jurisdiction: Text,
    file: Text.describe('The seed file the content was checked against'),
    sections: z.array(SourceSection).default([]),
  })
  .strict();

/** A public page that shows a change since the guidance documents were written (currency notes cite these). */
export const PublicSource = z
  .object({
    id: Id,
    title: Text.describe('As the page or Act names itself, e.g. "Domestic Abuse Act 2021, section 1"'),
    publisher: Text,
    url: z.string().url(),
  })
  .strict();

export const SourceRegistry = z
  .object({
    documents: z.array(SourceDocument).min(1),
    public: z.array(PublicSource).default([]).describe('Public sources for currency notes'),
  })
  .strict();

/** One local service as an organisation fills it in; empty fields mean "not set up yet". */
export const LocalService = z
  .object({
    name: z.string().default(''),
    phone: z.string().default(''),
    email: z.string().default(''),
    hours: z.string().default(''),
    notes: z.string().default(''),
    teams: z
      .string()
      .default('')
      .describe("The person's Teams sign-in (name@organisation, their UPN) or Teams user id: \"Talk to someone\" then links to a chat and a call with them"),
  })
  .strict();

export const LocalServices = z
  .object({
    services: z.partialRecord(LocalServiceKey, LocalService).default({}),
    thresholds: z
      .object({
        maracPotentialEscalation: z
          .number()
          .int()
          .positive()
          .nullable()
          .default(null)
          .describe('Incidents within 12 months that make a case a MARAC "potential escalation" referral, as your MARAC sets it'),
      })
      .strict()
      .default({ maracPotentialEscalation: null }),
  })
  .strict();

/** Menu targets that open a mode rather than a card or tree. */
export const MODE_TARGETS = ['practice', 'reflect', 'contact'] as const;

export const MenuItem = z
  .object({
    label: Text,
    target: Id.describe('A tree id or card id, or "practice" or "reflect" for those modes, or "contact" for Talk to someone'),
    command: Text.optional().describe('Short words that open this item when typed, such as a Teams command suggestion ("report on 101")'),
  })
  .strict();

export const Menu = z
  .object({
    items: z.array(MenuItem).min(1),
    emergencyCard: Id.describe('The card whose guidance is shown first when someone is in danger now'),
    helplinesCard: Id.describe('The card whose contacts the fallback reply names'),
  })
  .strict();

/** A worker's word or phrase, lower case: letters, digits, spaces, apostrophes and hyphens. */
const Phrase = z.string().regex(/^[a-z0-9][a-z0-9' &-]*$/, 'lower case words only').max(60);

export const ThesaurusEntry = z
  .object({
    means: Phrase.describe('Words the guidance cards use for this idea'),
    say: z.array(Phrase).min(1).max(20).describe('How workers say it: words, abbreviations and phrases'),
  })
  .strict();

/** The sector thesaurus: reviewed data mapping workers' words to the cards' words (content/thesaurus.yaml). */
export const Thesaurus = z.object({ entries: z.array(ThesaurusEntry) }).strict();

export const SmallTalkIntent = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    reply: Text.describe('The short, friendly answer (never a card)'),
    say: z.array(Phrase).min(1).describe('Ways of saying it'),
    alone: z
      .boolean()
      .optional()
      .describe('Answered only when the message says no other small talk: a reaction ("ok", "makes sense") next to "thanks" is thanks. It also answers a message of emoji alone.'),
    punctuation: z
      .boolean()
      .optional()
      .describe('Also answers a message of question marks or dots alone ("???", "...").'),
    whole: z
      .boolean()
      .optional()
      .describe('Answered only when the whole message is small talk, never when a longer message that found nothing mentions it ("he calls her useless")'),
  })
  .strict();

/** Hello, thanks, bye, who are you: short replies, never a card (content/small-talk.yaml). */
export const SmallTalk = z
  .object({
    intents: z.array(SmallTalkIntent).min(1),
    filler: z.array(Phrase).describe('Words that may come with small talk without changing it ("ok", "really", "for now")'),
    around: z
      .object({
        before: z.array(Phrase).describe('Said before a question ("hiya", "quick question", "sorry to ask but"): left out when the question is searched'),
        after: z.array(Phrase).describe('Said after a question ("thanks", "cheers"): left out when the question is searched'),
      })
      .strict()
      .describe('Greetings and thanks around a question, so that "hiya, FGM" is searched as "FGM"'),
  })
  .strict();

/**
 * Questions Waypoint does not cover (content/out-of-scope.yaml): everyday work and life that is
 * not domestic abuse, some sharing a word with it ("challenge a parking fine"). Labelled examples
 * for the search's scope check, as Rasa keeps an out-of-scope intent.
 */
export const OutOfScope = z
  .object({
    examples: z.array(z.string().min(2).max(400)).min(1).describe('Questions a worker might type that are not about domestic abuse'),
  })
  .strict();

/**
 * Questions workers asked, each labelled with the card or walk-through that answers it
 * (content/worker-questions.yaml): the search's labelled examples, kept apart from the cards so a
 * card stays readable. Written from eval/examples/ only, never from validation or test questions.
 */
export const WorkerQuestions = z
  .object({
    questions: z
      .array(
        z
          .object({
            q: z.string().min(2).max(600).describe('The question as a worker typed it'),
            answer: Id.describe('The card or walk-through that answers it'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Audience = z.infer<typeof Audience>;
export type LocalServiceKey = z.infer<typeof LocalServiceKey>;
export type CurrencyNote = z.infer<typeof CurrencyNote>;
export type SectionKind = z.infer<typeof SectionKind>;
export type SourceRef = z.infer<typeof SourceRef>;
export type Contact = z.infer<typeof Contact>;
export type Card = z.infer<typeof Card>;
export type TreeOption = z.infer<typeof TreeOption>;
export type TreeNode = z.infer<typeof TreeNode>;
export type QuestionNode = z.infer<typeof QuestionNode>;
export type AdviceNode = z.infer<typeof AdviceNode>;
export type OutcomeNode = z.infer<typeof OutcomeNode>;
export type Tree = z.infer<typeof Tree>;
export type Grade = z.infer<typeof Grade>;
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioMoment = z.infer<typeof ScenarioMoment>;
export type ScenarioResponse = z.infer<typeof ScenarioResponse>;
export type Reflection = z.infer<typeof Reflection>;
export type ReflectionPrompt = z.infer<typeof ReflectionPrompt>;
export type SourceSection = z.infer<typeof SourceSection>;
export type SourceDocument = z.infer<typeof SourceDocument>;
export type SourceRegistry = z.infer<typeof SourceRegistry>;
export type PublicSource = z.infer<typeof PublicSource>;
export type Menu = z.infer<typeof Menu>;
export type LocalService = z.infer<typeof LocalService>;
export type LocalServices = z.infer<typeof LocalServices>;
export type ThesaurusEntry = z.infer<typeof ThesaurusEntry>;
export type Thesaurus = z.infer<typeof Thesaurus>;
export type OutOfScope = z.infer<typeof OutOfScope>;
export type WorkerQuestions = z.infer<typeof WorkerQuestions>;
export type SmallTalkIntent = z.infer<typeof SmallTalkIntent>;
export type SmallTalk = z.infer<typeof SmallTalk>;
