/**
 * Only our organisation: activities from a tenant that is not on the allowed
 * list are refused before the bot runs, so nothing is replied and no state is
 * read or written. The log line says what was refused, never what it said.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { tenantOf } from './teams';

export function tenantFilter(allowedTenantIds: readonly string[], logger: Logger): Middleware {
  const allowed = new Set(allowedTenantIds.map((id) => id.toLowerCase()));
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const tenant = tenantOf(context.activity);
      if (tenant !== undefined && allowed.has(tenant.toLowerCase())) {
        await next();
        return;
      }
      logger.warn({ activityType: context.activity.type, channel: context.activity.channelId, tenant: tenant ?? null }, 'refused: tenant not allowed');
      if (context.activity.type === ActivityTypes.Invoke) {
        // An invoke expects an HTTP answer (not a message); without one the adapter would report "not implemented".
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
      }
    },
  };
}
