/**
 * Waypoint's conversation logic: one incoming message and the session in, the
 * replies and the next session out. No I/O and nothing from botbuilder, so the
 * same logic serves Teams, the terminal chat and a future Agents SDK host.
 *
 * Order of precedence on every turn:
 *   1. danger now: the emergency reply, before anything else;
 *   2. a button value;
 *   3. a global command (menu, help, back, start over, cancel);
 *   4. one of the choices just offered, by number or by label, or a menu item by name;
 *   5. small talk (hello, thanks, bye), answered briefly;
 *   6. a question in the worker's own words, answered by search.
 * A message with danger signs but no time gets its answer with the caution line above it.
 */
import type { ContentLibrary } from '../content/library';
import type { Tree } from '../content/schema';
import type { FeedbackLog } from '../feedback/feedbackLog';
import { caseNoteReply } from './caseNote';
import { Practice } from './practice';
import { SmallTalkMatcher } from './smallTalk';
import { asksForGuidance, assessDanger } from '../safety/danger';
import type { GuidanceSearch, SearchVerdict } from '../search/search';
import { normalise } from '../language/analyse';
import { back, choose, raisesEmergency, startWalk, type TreeWalk } from '../trees/engine';
import {
  alertFailedReply,
  alertSentReply,
  cardReply,
  choiceFor,
  contactReply,
  choicesReply,
  emergencyReply,
  fallbackReply,
  feedbackReply,
  outcomeFeedbackId,
  helpReply,
  introReply,
  leftBehindReply,
  menuReply,
  noticeReply,
  smallTalkReply,
  treeOverviewReply,
  treeStepReply,
  welcomeReply,
} from './replies';
import { ActionValue, type Command, type Input, type ProgressInput, type Reply, type Session, type TurnResult } from './types';

export interface AssistantOptions {
  /** Sessions idle for longer than this start afresh (their walk is forgotten). */
  idleTimeoutMs: number;
  now?: () => number;
  /** Where "Was this helpful?" answers and unanswered questions (redacted) are counted. */
  feedback?: FeedbackLog;
  /** For "a random scenario"; tests pass a fixed one. */
  random?: () => number;
  /** Whether "Talk to someone" can send an alert to the team's channel (the host sends it). */
  alerts?: boolean;
}

/** The line above an answer to a message with danger signs whose timing is unclear. */
export const CAUTION_LINE = 'If anyone is in danger right now, call 999.';

function withCaution(replies: Reply[], rule: string): Reply[] {
  const [first, ...rest] = replies;
  return first ? [{ ...first, caution: CAUTION_LINE, danger: rule }, ...rest] : replies;
}

/** Whether `noted` is already this walk at this outcome (so showing it again keeps the time it was reached). */
function sameWalk(noted: Session['noted'], walk: TreeWalk): boolean {
  return noted?.kind === 'tree' && JSON.stringify(noted.walk) === JSON.stringify(walk);
}

/** How many rated items a session remembers, to count a double tap once. */
const RATED_MEMORY = 20;

/** Typed words that mean a command. Compared after normalising (lower case, no punctuation). */
const COMMAND_WORDS: Record<string, Command> = {
  menu: 'menu',
  'main menu': 'menu',
  topics: 'menu',
  help: 'help',
  back: 'back',
  'go back': 'back',
  previous: 'back',
  'start over': 'start-over',
  'start again': 'start-over',
  restart: 'start-over',
  cancel: 'cancel',
  stop: 'cancel',
  exit: 'cancel',
  quit: 'cancel',
  practice: 'practice',
  practise: 'practice',
  'practice mode': 'practice',
  'practise mode': 'practice',
  training: 'practice',
  scenarios: 'practice',
  'random scenario': 'random-scenario',
  random: 'random-scenario',
  'my progress': 'progress',
  progress: 'progress',
  reflect: 'reflect',
  'reflect mode': 'reflect',
  reflection: 'reflect',
  'reflective session': 'reflect',
  shift: 'shift',
  'shift mode': 'shift',
  skip: 'skip',
  'skip this one': 'skip',
  'end the session': 'cancel',
  'case note': 'case-note',
  'case notes': 'case-note',
  'copy for case notes': 'case-note',
  'talk to someone': 'contact',
  'send an alert': 'alert',
  contact: 'contact',
  contacts: 'contact',
};

const GREETINGS = /^(?:hi|hiya|hello|hey|good (?:morning|afternoon|evening)|morning|afternoon|evening)(?: there)?(?: waypoint)?$/;

/** Short typed answers that stand for a Yes / No option. */
/** For a button whose card or tree no longer exists (content changed since it was shown). */
const GONE = "That guidance isn't available any more. Here is the menu.";

const NOTHING_TO_NOTE =
  'There is nothing to copy for case notes yet: the end of a walk-through, a practice debrief and a reflective summary each offer it. Here is the menu.';

const AFFIRMATIVE = /^(?:y|yes|yeah|yep|yup|aye|correct)$/;
const NEGATIVE = /^(?:n|no|nope|nah|not really)$/;

export class Assistant {
  private readonly now: () => number;
  private readonly practice: Practice;
  private readonly smallTalk: SmallTalkMatcher;
  /** Set while a turn runs when it started a walk (respond is synchronous, so one turn at a time). */
  private walkBegun = false;

  constructor(
    private readonly library: ContentLibrary,
    private readonly search: GuidanceSearch,
    private readonly options: AssistantOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.practice = new Practice(library, options.random, this.now);
    this.smallTalk = new SmallTalkMatcher(library.smallTalk);
  }

  /** A fresh session, or the given one if it has not gone idle. */
  session(previous: Session | undefined): Session {
    const now = this.now();
    if (previous && now - previous.lastActive <= this.options.idleTimeoutMs) return previous;
    return { offered: [], introduced: false, lastActive: now };
  }

  /**
   * The bot has been added to a conversation. Teams can announce this twice
   * (installationUpdate and membersAdded), so a conversation is welcomed once.
   */
  welcome(previous: Session | undefined): TurnResult {
    const session = this.session(previous);
    if (session.introduced) return { session, replies: [] };
    return this.finish(session, [welcomeReply(this.library)], { introduced: true });
  }

  /**
   * One message in; `progress` is the user's practice record, returned changed when a scenario ends.
   * Given UNREAD, a turn that needs the record returns only `needsProgress` (see ProgressInput).
   */
  respond(input: Input, previous: Session | undefined, progress: ProgressInput = undefined): TurnResult {
    const result = this.turn(input, previous, progress);
    if (!result.needsProgress) {
      // A walk that went idle was left where it stood.
      const before = previous && this.session(previous) !== previous ? undefined : previous?.walk;
      if (previous?.walk && !before) this.countWalks(previous.walk, undefined);
      this.countWalks(before, result.session.walk);
    }
    this.walkBegun = false;
    return result;
  }

  private turn(input: Input, previous: Session | undefined, progress: ProgressInput): TurnResult {
    this.walkBegun = false;
    const session = this.session(previous);
    const text = typeof input.text === 'string' ? input.text.trim() : '';
    // A button press carries a value; its text (Teams messageBack) is only the label echoed back.
    const pressed = input.value === undefined || input.value === null ? undefined : ActionValue.safeParse(input.value);

    // 1. Safety first: a typed message describing danger now, from any point. A button press is
    // never read for danger: its text is only the label echoed back.
    const danger = !pressed?.success && text ? assessDanger(text) : undefined;
    if (danger?.level === 'now') {
      // A worker describing a situation to ask about it can read as danger now: when the message
      // asks something, the guidance its words found is offered under the emergency advice, never instead of it.
      const verdict = asksForGuidance(text) ? this.search.classify(text) : undefined;
      const asked = verdict?.type === 'answer' ? verdict.best.id : undefined;
      const reply = emergencyReply(this.library, session.walk !== undefined || this.practice.active(session), asked);
      return this.unchangedIfSame(previous, this.finish(session, [{ ...reply, danger: danger.rule }]));
    }

    // The first message of a conversation is answered as what it is, with a one-line introduction first.
    const intro = session.introduced ? [] : [introReply()];
    let result: TurnResult;
    if (pressed?.success) result = this.act(pressed.data, session, progress); // 2. a button
    else if (pressed && !text) result = this.notice(session, "Sorry, I didn't recognise that button. Here is the menu.");
    else result = this.route(text, session, progress);
    if (result.needsProgress) return { session: previous ?? session, replies: [], needsProgress: true };
    // Danger signs without a time: the answer comes with "if anyone is in danger right now, call 999" above it.
    const replies = danger?.level === 'caution' ? withCaution(result.replies, danger.rule) : result.replies;
    const finished = this.finish(result.session, [...intro, ...replies], { introduced: true });
    const out = result.progress ? { ...finished, progress: result.progress } : this.unchangedIfSame(previous, finished);
    return result.alert ? { ...out, alert: result.alert } : out;
  }

  /**
   * The session the turn was given, when the turn changed nothing in it but the time, so that a
   * host can see by identity that there is nothing to save (most searches of a conversation
   * offer the same buttons). The time is written again once it is a tenth of the idle timeout
   * old, so a session that is in use expires at most that much early.
   */
  private unchangedIfSame(previous: Session | undefined, result: TurnResult): TurnResult {
    if (!previous || result.session === previous) return result;
    if (this.now() - previous.lastActive >= this.options.idleTimeoutMs / 10) return result;
    const apartFromTime = (session: Session) => JSON.stringify({ ...session, lastActive: 0 });
    return apartFromTime(result.session) === apartFromTime(previous) ? { ...result, session: previous } : result;
  }


  /** Typed text: a command, one of the choices just offered, or a question. */
  private route(text: string, session: Session, progress: ProgressInput): TurnResult {
    if (!text) return { session, replies: [helpReply()] };
    const typed = normalise(text);
    // 3. Global commands.
    const command = COMMAND_WORDS[typed] ?? (text === '?' ? 'help' : undefined);
    if (command) return this.command(command, session, progress);

    // In a reflective session, anything else typed is the answer to the prompt (unless it is paused).
    if (session.reflection && !session.reflection.paused) return this.practice.answerReflection(text, session);

    // 4. One of the choices just offered, or a menu item by its label or command words.
    const picked = this.pickOffered(typed, session) ?? this.pickMenuItem(typed);
    if (picked) return this.act(picked, session, progress);

    // 5. Small talk gets a short reply, never a card; anything else is a question in their own words.
    if (GREETINGS.test(typed)) return { session, replies: [menuReply(this.library, 'Hello. What do you need help with?')] };
    const chat = this.smallTalk.match(text);
    if (chat) return { session, replies: [smallTalkReply(chat.reply)] };
    return this.answer(text, session);
  }

  /** `progress` is the user's practice record: read by the practice commands, changed when a scenario ends. */
  private act(action: ActionValue, session: Session, progress: ProgressInput): TurnResult {
    switch (action.action) {
      case 'command':
        return this.command(action.command, session, progress);
      case 'open': {
        const card = this.library.card(action.card);
        if (!card) return this.notice(session, GONE);
        return { session, replies: [cardReply(this.library, card)] };
      }
      case 'start': {
        const tree = this.library.tree(action.tree);
        if (!tree) return this.notice(session, GONE);
        // A walk-through replaces a scenario or reflective session under way.
        const { session: cleared, note } = this.practice.end(session);
        return this.walkTo(tree, this.begin(tree), cleared, note);
      }
      case 'scenario':
        return this.practice.startScenario(action.scenario, session) ?? this.notice(session, GONE);
      case 'respond':
        return this.practice.respond(action, session, progress);
      case 'reflect':
        return this.practice.startReflection(action.reflection, session) ?? this.notice(session, GONE);
      case 'choose':
        return this.chooseOption(action.tree, action.node, action.choice, session);
      case 'feedback':
        return this.rate(action.id, action.helpful, session);
    }
  }

  /** Counts a "Was this helpful?" answer once per conversation and item; ids not in the content are not counted. */
  private rate(id: string, helpful: boolean, session: Session): TurnResult {
    if (!this.isRateable(id)) return this.notice(session, "Sorry, I didn't recognise that button. Here is the menu.");
    const rated = session.rated ?? [];
    const already = rated.includes(id);
    if (!already) this.options.feedback?.rate(id, helpful);
    return {
      session: already ? session : { ...session, rated: [...rated, id].slice(-RATED_MEMORY) },
      replies: [feedbackReply(helpful, already)],
    };
  }

  private isRateable(id: string): boolean {
    if (this.library.card(id)) return true;
    const [treeId = '', nodeId = ''] = id.split('/');
    const tree = this.library.tree(treeId);
    return tree !== undefined && outcomeFeedbackId(treeId, nodeId) === id && tree.nodes[nodeId]?.type === 'outcome';
  }

  /**
   * Guidance for searching from the compose box: the best matches for a query, ranked as the
   * bot ranks them, or the menu's items when the query is empty. Each is a reply ready to share.
   */
  lookup(query: string, limit = 10): Reply[] {
    const ids = query.trim()
      ? this.search.search(query, limit, { complete: true }).map((hit) => hit.id)
      : this.library.menu.items.map((item) => item.target).slice(0, limit);
    return ids.flatMap((id) => {
      const card = this.library.card(id);
      if (card) return [cardReply(this.library, card)];
      const tree = this.library.tree(id);
      return tree ? [treeOverviewReply(this.library, tree)] : [];
    });
  }

  private chooseOption(treeId: string, nodeId: string, choice: string, session: Session): TurnResult {
    const walk = session.walk;
    const tree = this.library.tree(treeId);
    if (!tree) return this.notice(session, GONE);
    if (!walk || walk.tree !== treeId) {
      // A button from a walk that has ended: never apply it; offer to start again.
      return {
        session,
        replies: [leftBehindReply(this.library, 'walk-through', tree.title, { action: 'start', tree: tree.id })],
      };
    }
    if (walk.node !== nodeId) {
      // A double tap or an old card: the step was already answered. Show where they are instead.
      return this.walkTo(tree, walk, session, 'That step was already answered. Here is where you are now.');
    }
    const next = choose(tree, walk, choice);
    if (!next) return this.walkTo(tree, walk, session, "That isn't one of the options here. Please pick one below.");
    // "Yes, someone is in danger now": the emergency reply first; the walk carries on from the next step once they are safe.
    if (raisesEmergency(tree, walk, choice)) {
      return { session: { ...session, walk: next }, replies: [{ ...emergencyReply(this.library, true), danger: 'now:tree-answer' }] };
    }
    return this.walkTo(tree, next, session);
  }

  /** Commands work in every mode: they act on whatever is under way (a walk-through, a scenario or a reflective session). */
  private command(command: Command, session: Session, progress: ProgressInput): TurnResult {
    const walk = session.walk;
    const tree = walk ? this.library.tree(walk.tree) : undefined;
    switch (command) {
      case 'menu':
      case 'help': {
        // Over a reflective session, the menu pauses it: what is typed next is not taken as an answer.
        const paused = session.reflection ? { ...session, reflection: { ...session.reflection, paused: true } } : session;
        const note = session.reflection ? 'Your reflective session is paused. Type resume to go back to it, or cancel to end it and delete its answers.' : undefined;
        return { session: paused, replies: [command === 'menu' ? menuReply(this.library, note) : helpReply(note)] };
      }
      case 'back': {
        const practised = this.practice.back(session);
        if (practised) return practised;
        const previous = walk ? back(walk) : undefined;
        if (tree && previous) return this.walkTo(tree, previous, session);
        if (tree && walk) return this.walkTo(tree, walk, session, 'This is the first step, so there is nothing to go back to.');
        return { session, replies: [menuReply(this.library, "There's no earlier step to go back to.")] };
      }
      case 'start-over': {
        const practised = this.practice.startOver(session);
        if (practised) return practised;
        if (tree) return this.walkTo(tree, this.begin(tree), session);
        return { session: { ...session, walk: undefined }, replies: [menuReply(this.library, "Let's start again.")] };
      }
      case 'cancel': {
        const what = session.reflection ? 'reflective session' : session.scenario ? 'scenario' : walk ? 'walk-through' : undefined;
        const { session: ended, note } = this.practice.end(session);
        const text = note ?? (what ? `OK, I have closed that ${what}.` : 'Nothing to cancel.');
        return { session: { ...ended, walk: undefined }, replies: [menuReply(this.library, text)] };
      }
      case 'resume': {
        const resumed = session.reflection ? { ...session, reflection: { ...session.reflection, paused: false } } : session;
        const practised = this.practice.current(resumed, 'Here is where you were.');
        if (practised) return practised;
        if (tree && walk) return this.walkTo(tree, walk, session, 'Here is where you were.');
        return { session, replies: [menuReply(this.library)] };
      }
      case 'practice':
        return this.practice.list(session, progress);
      case 'random-scenario':
        return this.practice.randomScenario(session, progress) ?? this.notice(session, 'There are no scenarios yet.');
      case 'progress':
        return this.practice.showProgress(session, progress);
      case 'reflect':
        return this.practice.reflectList(session);
      case 'shift': {
        const { session: ended, note } = this.practice.end(session);
        const text = [note, 'Shift mode: ask a question in your own words, or pick a topic.'].filter(Boolean).join(' ');
        return { session: ended, replies: [menuReply(this.library, text)] };
      }
      case 'skip':
        if (session.reflection) return this.practice.answerReflection(null, session);
        return { session, replies: [menuReply(this.library, 'There is nothing to skip here.')] };
      case 'contact':
        return { session, replies: [contactReply(this.library, this.options.alerts === true)] };
      case 'alert': {
        if (!this.options.alerts) return { session, replies: [contactReply(this.library, false, 'No alert channel is set up for your organisation.')] };
        // The host sends it, then answers with alertReply (sent, shown here in local mode, or failed).
        return { session, replies: [], alert: { guidance: this.guidanceReached(session), at: this.now() } };
      }
      case 'case-note': {
        if (!session.noted) return { session, replies: [menuReply(this.library, NOTHING_TO_NOTE)] };
        const note = caseNoteReply(this.library, session.noted);
        return note ? { session, replies: [note] } : { session: { ...session, noted: undefined }, replies: [menuReply(this.library, GONE)] };
      }
    }
  }

  /** What the worker is told once the host has tried to send an alert (see TurnResult.alert). */
  alertReply(outcome: { sent: true } | { shown: string } | { failed: true }): Reply {
    if ('shown' in outcome) return { ...alertSentReply(this.library), sections: outcome.shown.split('\n\n').map((line) => ({ style: 'text' as const, lines: [line] })) };
    return 'sent' in outcome ? alertSentReply(this.library) : alertFailedReply(this.library);
  }

  /** The guidance a worker is at or last reached, as titles (for an alert): never anything typed. */
  private guidanceReached(session: Session): string | undefined {
    const walk = session.walk ?? (session.noted?.kind === 'tree' ? session.noted.walk : undefined);
    const tree = walk ? this.library.tree(walk.tree) : undefined;
    if (walk && tree) {
      const node = tree.nodes[walk.node];
      return node ? `${tree.title}: ${node.text}` : tree.title;
    }
    const noted = session.noted;
    if (noted?.kind === 'scenario') return `Practice: ${this.library.scenario(noted.scenario)?.title ?? noted.scenario}`;
    if (noted?.kind === 'reflection') return `Reflective session: ${this.library.reflection(noted.reflection)?.title ?? noted.reflection}`;
    return undefined;
  }

  /** A new walk of `tree`, noted for the supervisor's view (see countWalks). */
  private begin(tree: Tree): TreeWalk {
    this.walkBegun = true;
    return startWalk(tree);
  }

  /**
   * Counts for the supervisor's view (FeedbackLog): a walk started, one that reached an outcome,
   * and one left before an outcome (at which step): replaced by another, ended, or gone idle.
   */
  private countWalks(before: TreeWalk | undefined, after: TreeWalk | undefined): void {
    const log = this.options.feedback;
    if (!log) return;
    const atOutcome = (walk: TreeWalk) => this.library.tree(walk.tree)?.nodes[walk.node]?.type === 'outcome';
    if (this.walkBegun && after) log.walkStarted(after.tree);
    if (before && !atOutcome(before) && (!after || after.tree !== before.tree || this.walkBegun)) log.walkLeft(before.tree, before.node);
    const stayed = before !== undefined && after !== undefined && before.tree === after.tree && before.node === after.node && !this.walkBegun;
    if (after && atOutcome(after) && !stayed) log.walkFinished(after.tree);
  }

  private walkTo(tree: Tree, walk: TreeWalk, session: Session, note?: string): TurnResult {
    return { session: { ...session, walk }, replies: [treeStepReply(this.library, tree, walk, note)] };
  }

  /** A menu item typed by its label ("Should I report on 101?") or its command words ("report on 101"). */
  private pickMenuItem(typed: string): ActionValue | undefined {
    const item = this.library.menu.items.find((i) => normalise(i.label) === typed || (i.command !== undefined && normalise(i.command) === typed));
    return item ? choiceFor(this.library, item.target).value : undefined;
  }

  /** A typed number ("2", "option 2") or label ("yes", the start of a label) among the choices just offered. */
  private pickOffered(typed: string, session: Session): ActionValue | undefined {
    const offered = session.offered;
    if (offered.length === 0) return undefined;
    const number = /^(?:option |number |no )?(\d{1,2})$/.exec(typed);
    if (number) return offered[Number(number[1]) - 1]?.value;

    const labels = offered.map((choice) => normalise(choice.label));
    const exact = labels.indexOf(typed);
    if (exact >= 0) return offered[exact]?.value;
    // "yes" for "Yes, he is with her now"; "yeah" and "nope" too.
    const word = AFFIRMATIVE.test(typed) ? 'yes' : NEGATIVE.test(typed) ? 'no' : typed;
    const prefixed = labels.flatMap((label, i) => (label === word || label.startsWith(`${word} `) ? [i] : []));
    if (prefixed.length === 1) return offered[prefixed[0] as number]?.value;
    return undefined;
  }

  private answer(text: string, session: Session): TurnResult {
    // Searched without the greetings and thanks around it: "hiya, FGM" asks about FGM.
    const verdict = this.classify(text);
    if (verdict.type === 'answer') {
      const best = verdict.best;
      if (best.kind === 'tree') {
        const tree = this.library.tree(best.id) as Tree;
        return this.walkTo(tree, this.begin(tree), session);
      }
      const card = this.library.card(best.id);
      if (card) return { session, replies: [cardReply(this.library, card, verdict.alternatives.map((h) => h.id))] };
    }
    // Mid-walk or mid-scenario, anything short of a clear answer is most likely a reply to the step: ask again.
    const again = "I didn't catch that. Pick an option below, type its number, or type menu.";
    const practised = this.practice.current(session, again);
    if (practised) return practised;
    const walk = session.walk;
    const tree = walk ? this.library.tree(walk.tree) : undefined;
    if (tree && walk) return this.walkTo(tree, walk, session, again);
    if (verdict.type === 'choices') return { session, replies: [choicesReply(this.library, verdict.hits)] };
    // Nothing near, in a few words that name small talk ("are you a real person or a bot"): small talk after all.
    const chat = verdict.type === 'none' && verdict.hits.length === 0 ? this.smallTalk.mentioned(text) : undefined;
    if (chat) return { session, replies: [smallTalkReply(chat.reply)] };
    const nearest = verdict.type === 'none' ? verdict.hits.map((h) => h.id) : [];
    // Counted (redacted, never logged) so content authors can see what workers ask that Waypoint can't answer.
    this.options.feedback?.unanswered(text);
    return { session, replies: [fallbackReply(this.library, nearest)] };
  }

  /**
   * The search's verdict on a question, read without the greetings and thanks around it ("hiya,
   * FGM" asks about FGM; "stalking protection order thanks" about the order), which would
   * otherwise dilute a short question until it found nothing. What is left must find guidance and
   * not be small talk itself ("thank you, that was really helpful"); otherwise the whole message
   * is read as typed, as before.
   */
  private classify(text: string): SearchVerdict {
    const question = this.smallTalk.question(text);
    if (question !== text && !this.smallTalk.mentioned(question)) {
      const verdict = this.search.classify(question);
      if (verdict.type !== 'none') return verdict;
    }
    return this.search.classify(text);
  }

  /** A short note with the menu's choices, for buttons that can no longer be honoured. */
  private notice(session: Session, text: string): TurnResult {
    return { session, replies: [noticeReply(this.library, text)] };
  }

  /** Stamps the session: what the last reply offered (for typed picks) and when. */
  private finish(session: Session, replies: Reply[], patch: Partial<Session> = {}): TurnResult {
    const last = [...replies].reverse().find((reply) => reply.choices.length > 0);
    const next: Session = { ...session, ...patch, offered: last?.choices ?? [], lastActive: this.now() };
    // A tree outcome reached is kept (as the walk) for "Copy for case notes".
    if (next.walk && replies.some((reply) => reply.kind === 'tree' && reply.outcome) && !sameWalk(next.noted, next.walk)) {
      next.noted = { kind: 'tree', walk: next.walk, at: this.now() };
    }
    if (!last || session.choicesExplained) return { replies, session: next };
    // The first reply with choices says once how to choose without the buttons.
    return { replies: replies.map((reply) => (reply === last ? { ...reply, explainChoices: true } : reply)), session: { ...next, choicesExplained: true } };
  }
}
