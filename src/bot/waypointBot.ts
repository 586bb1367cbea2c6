/**
 * The Bot Framework face of Waypoint, Teams-aware. It hands messages,
 * installs and "bot added" events to the conversation core, answers searches
 * from the compose box, and keeps the core's session between turns (see
 * turnState.ts: one read and at most one write per turn). It never logs what
 * anyone typed.
 *
 * There is no dialog stack: the core already owns where a walk-through, a
 * scenario or a reflective session stands, so a botbuilder DialogSet would
 * only carry the session inside its own state, at a cost on every turn.
 *
 * In group chats and channels Waypoint speaks only when @mentioned (button
 * presses on its own cards are always answered); conversation state is kept
 * per conversation id, which in a Teams channel is per thread.
 */
import { ActivityTypes, TeamsActivityHandler, type Activity, type InvokeResponse, type MessagingExtensionQuery, type MessagingExtensionResponse, type TurnContext } from 'botbuilder';
import type { Assistant } from '../core/conversation/assistant';
import { UNREAD, type AlertRequest, type Reply, type TurnResult } from '../core/conversation/types';
import type { AlertSender } from './alerts';
import { incomingText } from './incomingText';
import { MAX_RESULTS, QUERY_INVOKE, queryText, SEARCH_COMMAND, searchResponse } from './messageExtension';
import type { RenderTarget } from './render';
import { replyHoldOf } from './replyHold';
import { isGroupConversation, mentionsBot, textWithoutBotMention } from './teams';
import { isConflict, type TurnState, type TurnStateStore } from './turnState';

/** How often a turn is re-run after losing a save to a concurrent turn before giving up. */
const MAX_ATTEMPTS = 3;

export interface WaypointBotOptions {
  assistant: Assistant;
  /** Where each conversation's session and each trainee's practice record are kept. */
  state: TurnStateStore;
  render: (reply: Reply, target: RenderTarget) => Partial<Activity>;
  lookup: Lookup;
  /** Where "Alert my team's channel" goes (a Teams channel, or the log in local mode); none: not offered. */
  alerts?: AlertSender;
}

/** Guidance for a compose-box search: the best matches, or the menu's items for an empty query. */
export type Lookup = (query: string, limit: number) => Reply[];

/** Where the turn being run keeps its state once read (TurnContext.turnState). */
const TURN_STATE = Symbol('waypoint.turnState');
interface TurnSlot {
  state?: TurnState;
  /** An alert the turn asked for: sent once its state is saved, so a re-run turn never sends it twice. */
  alert?: { request: AlertRequest; worker?: string; target: RenderTarget };
}

export class WaypointBot extends TeamsActivityHandler {
  constructor(private readonly options: WaypointBotOptions) {
    super();

    this.onMessage(async (context, next) => {
      const activity = context.activity;
      const pressed = activity.value !== undefined && activity.value !== null;
      // In a group chat or channel, a message not addressed to Waypoint is none of its business.
      if (isGroupConversation(activity) && !pressed && !mentionsBot(activity)) return next();
      activity.text = textWithoutBotMention(activity) ?? activity.text;
      await this.options.alerts?.capture(context);
      await this.answer(context);
      await next();
    });

    // Teams announces an install twice (installationUpdate, then membersAdded with the bot); the
    // core welcomes a conversation once. Other members joining a team or chat get no welcome.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.options.alerts?.capture(context);
      await this.answer(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      const welcome =
        context.activity.channelId === 'msteams'
          ? added.some((member) => member.id === botId) // Waypoint itself was added
          : added.some((member) => member.id !== botId); // a user opened a chat (Web Chat, Emulator)
      if (welcome) {
        await this.options.alerts?.capture(context);
        await this.answer(context);
      }
      await next();
    });
  }

  /**
   * One turn: run it (reading the conversation's state if it is answered),
   * save what changed, then send the replies. A save that loses to a
   * concurrent turn for the same conversation (another instance, a double
   * tap) re-runs the turn on the state that turn saved, so a stale press is
   * recognised as stale rather than applied twice, and only the final
   * attempt's replies are sent.
   */
  override async run(context: TurnContext): Promise<void> {
    // Compose-box searches and other invokes neither read nor write conversation state.
    if (context.activity.type === ActivityTypes.Invoke) return super.run(context);
    const hold = replyHoldOf(context);
    for (let attempt = 1; ; attempt += 1) {
      const turn: TurnSlot = {};
      context.turnState.set(TURN_STATE, turn);
      try {
        await super.run(context);
        await turn.state?.save();
        if (turn.alert) await this.sendAlert(context, turn.alert);
        await hold?.release();
        return;
      } catch (error) {
        if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
        hold?.discard();
      }
    }
  }

  /** Hands the turn to the core (reading the practice record only if the turn needs it) and sends the replies. */
  private async answer(context: TurnContext): Promise<void> {
    // Read here, not in run: a turn Waypoint does not answer (a channel message not addressed to it) touches no state.
    const turn = context.turnState.get(TURN_STATE) as TurnSlot;
    const state = (turn.state ??= await this.options.state.read(context));
    const { assistant } = this.options;
    const activity = context.activity;
    let result: TurnResult;
    if (activity.type === ActivityTypes.Message) {
      const input = { text: incomingText(activity.text), value: activity.value };
      result = assistant.respond(input, state.session, UNREAD);
      if (result.needsProgress) result = assistant.respond(input, state.session, await state.progress());
    } else {
      result = assistant.welcome(state.session);
    }
    state.session = result.session;
    if (result.progress) state.setProgress(result.progress);
    const target: RenderTarget = { channelId: activity.channelId, group: isGroupConversation(activity) };
    if (result.alert) turn.alert = { request: result.alert, worker: activity.from?.name || undefined, target };
    if (result.replies.length > 0) await context.sendActivities(result.replies.map((reply) => this.options.render(reply, target)));
  }

  /** Sends the alert the turn asked for, and tells the worker how it went. */
  private async sendAlert(context: TurnContext, alert: NonNullable<TurnSlot['alert']>): Promise<void> {
    const { assistant, alerts, render } = this.options;
    let reply: Reply;
    try {
      if (!alerts) throw new Error('no alert channel');
      const shown = await alerts.send(alert.request, alert.worker);
      reply = assistant.alertReply(shown ? { shown } : { sent: true });
    } catch {
      reply = assistant.alertReply({ failed: true });
    }
    await context.sendActivity(render(reply, alert.target));
  }

  /**
   * Waypoint answers one invoke, the compose-box search; any other gets 501
   * Not Implemented before the SDK's own handlers run. Those read the value
   * before finding they have nothing to do, so a malformed one (an
   * `adaptiveCard/action` whose value is 5, a `fileConsent/invoke` without a
   * value) would throw a TypeError: a 500, and a reset conversation.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== QUERY_INVOKE) return { status: 501 };
    return super.onInvokeActivity(context);
  }

  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    // Invokes come from outside: one without a query is a bad request (400), not a crash.
    if (typeof query !== 'object' || query === null) throw new Error('BadRequest');
    if (query.commandId !== SEARCH_COMMAND) {
      return { composeExtension: { type: 'message', text: 'Waypoint does not know that command.' } };
    }
    return searchResponse(this.options.lookup(queryText(query), MAX_RESULTS));
  }
}
