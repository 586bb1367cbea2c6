/**
 * The root dialog: hands each turn to the conversation core and sends what it
 * replies. The core's session lives in this dialog's state, so it is saved
 * with conversation state like any other dialog and stays small.
 */
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { ActivityTypes, type Activity } from 'botbuilder';
import type { Assistant } from '../core/conversation/assistant';
import type { Reply, Session } from '../core/conversation/types';
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
        ? this.assistant.respond({ text: activity.text, value: activity.value }, state.session)
        : this.assistant.welcome(state.session);
    state.session = result.session;
    const target: RenderTarget = { channelId: activity.channelId, group: isGroupConversation(activity) };
    if (result.replies.length > 0) await dc.context.sendActivities(result.replies.map((reply) => this.render(reply, target)));
    return Dialog.EndOfTurn;
  }
}
