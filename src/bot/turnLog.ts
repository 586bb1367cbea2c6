/**
 * Structured, content-free logging of each turn: what kind of activity came
 * in, what kinds of guidance went out, and how long it took. Never the text
 * anyone typed, nor the text of replies.
 */
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { GuidanceChannelData } from './render';

export function turnLogger(logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const started = performance.now();
      const shown: Array<{ kind: string; id?: string; node?: string; danger?: string }> = [];
      context.onSendActivities(async (_ctx, activities, nextSend) => {
        for (const activity of activities) {
          const guidance = (activity.channelData as { guidance?: GuidanceChannelData } | undefined)?.guidance;
          // The danger rule says why the emergency reply or the caution line was shown, without the text.
          if (guidance) shown.push({ kind: guidance.kind, id: guidance.id, node: guidance.node, ...(guidance.danger ? { danger: guidance.danger } : {}) });
        }
        return nextSend();
      });
      await next();
      logger.info(
        {
          turn: context.activity.id,
          activityType: context.activity.type,
          channel: context.activity.channelId,
          shown,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'turn',
      );
    },
  };
}
