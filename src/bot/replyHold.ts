/**
 * Holds a turn's outgoing messages until the bot releases them, after its
 * state is saved. If saving loses to a concurrent turn (see
 * turnState.ts), the bot discards what it held and runs the
 * turn again on the fresh state, so the user gets one set of replies, and
 * the right ones. Installed before the turn logger, so only what is really
 * sent is logged. Invoke responses are never held (they are the HTTP answer).
 */
import { ActivityTypes, type Activity, type Middleware, type ResourceResponse, type TurnContext } from 'botbuilder';

export interface ReplyHold {
  /** Drops everything held so far (the attempt that produced it is being re-run). */
  discard(): void;
  /** Sends everything held, and stops holding. */
  release(): Promise<void>;
}

const HOLD = Symbol('waypoint.replyHold');

export function replyHoldMiddleware(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      let held: Array<Partial<Activity>> = [];
      let holding = context.activity.type !== ActivityTypes.Invoke;
      context.onSendActivities(async (_ctx, activities, send): Promise<ResourceResponse[]> => {
        if (!holding || activities.some((a) => a.type === ActivityTypes.InvokeResponse)) return send();
        held.push(...activities);
        return activities.map(() => ({ id: '' }));
      });
      const hold: ReplyHold = {
        discard: () => {
          held = [];
        },
        release: async () => {
          holding = false;
          const out = held;
          held = [];
          if (out.length > 0) await context.sendActivities(out);
        },
      };
      context.turnState.set(HOLD, hold);
      try {
        await next();
      } catch (error) {
        // A failed turn's replies are dropped; the error reply (onTurnError) must go straight out.
        held = [];
        holding = false;
        throw error;
      }
      // Whatever the bot did not release (a turn with nothing to save) still goes out.
      await hold.release();
    },
  };
}

export function replyHoldOf(context: TurnContext): ReplyHold | undefined {
  return context.turnState.get(HOLD) as ReplyHold | undefined;
}
