/**
 * The root dialog: hands each turn to the conversation core and sends what it
 * replies. The core's session lives in this dialog's state, so it is saved
 * with conversation state like any other dialog and stays small; the
 * practice record lives in user state.
 */
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { ActivityTypes, type Activity, type StatePropertyAccessor } from 'botbuilder';
import type { Assistant } from '../core/conversation/assistant';
import type { Reply, Session } from '../core/conversation/types';
import type { PracticeProgress } from '../core/practice/scenarios';
import { incomingText } from './incomingText';
import type { RenderTarget } from './render';
import { isGroupConversation } from './teams';

export const GUIDANCE_DIALOG = 'guidance';

interface GuidanceState {
  session?: Session;
}

export class GuidanceDialog extends Dialog {
  constructor(
    private readonly assistant: Assistant,
    private readonly render: (reply: Reply, target: RenderTarget) => Partial<Activity>,
    /** The trainee's practice record, in user state (it follows the user across conversations). */
    private readonly progress: StatePropertyAccessor<PracticeProgress | undefined>,
  ) {
    super(GUIDANCE_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.turn(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.turn(dc);
  }

  private async turn(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog?.state as GuidanceState;
    const activity = dc.context.activity;
    const result =
      activity.type === ActivityTypes.Message
        ? this.assistant.respond({ text: incomingText(activity.text), value: activity.value }, state.session, await this.progress.get(dc.context))
        : this.assistant.welcome(state.session);
    state.session = result.session;
    if (result.progress) await this.progress.set(dc.context, result.progress);
    const target: RenderTarget = { channelId: activity.channelId, group: isGroupConversation(activity) };
    if (result.replies.length > 0) await dc.context.sendActivities(result.replies.map((reply) => this.render(reply, target)));
    return Dialog.EndOfTurn;
  }
}
