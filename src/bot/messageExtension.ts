/**
 * Search from the compose box: Waypoint's guidance as message extension
 * results. Each result previews as a title and summary, and inserts a
 * shareable Adaptive Card (cited, no buttons that post back to the bot).
 */
import { CardFactory, type MessagingExtensionQuery, type MessagingExtensionResponse } from 'botbuilder';
import type { Reply } from '../core/conversation/types';
import { ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCard } from './adaptiveCard';
import { shortened } from './text';

/** The one invoke Waypoint answers: a search from the compose box. */
export const QUERY_INVOKE = 'composeExtension/query';

/** The command the app manifest declares, and its one parameter. */
export const SEARCH_COMMAND = 'searchGuidance';
export const SEARCH_PARAMETER = 'query';

/** The most results Teams is sent for one query. */
export const MAX_RESULTS = 10;

/** The typed query, or '' for the first run (Teams may send "true" then) or a missing parameter. */
export function queryText(query: MessagingExtensionQuery): string {
  const parameters = Array.isArray(query.parameters) ? query.parameters.filter((p) => typeof p === 'object' && p !== null) : [];
  if (parameters.some((p) => p.name === 'initialRun')) return '';
  const value = parameters.find((p) => p.name === SEARCH_PARAMETER)?.value;
  return typeof value === 'string' ? value.slice(0, 500) : '';
}

export function searchResponse(replies: Reply[]): MessagingExtensionResponse {
  if (replies.length === 0) {
    return { composeExtension: { type: 'message', text: 'No guidance found. Try other words, like "coercive control" or "MARAC".' } };
  }
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: replies.map((reply) => ({
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        content: adaptiveCard(reply, { interactive: false }),
        preview: CardFactory.thumbnailCard(reply.title ?? '', previewText(reply)),
      })),
    },
  };
}

/** The first line of the reply (the summary), kept short for the results list. */
function previewText(reply: Reply): string {
  return shortened(reply.sections[0]?.lines[0] ?? '', 140);
}
