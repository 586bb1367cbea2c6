/**
 * Facts the guidance documents do not hold are cited to the public page that does (issue 13):
 * SafeLives' MARAC thresholds are never left resting on a seed section, and a step shows where
 * they come from.
 */
import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/bot/text';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { Assistant } from '../../src/core/conversation/assistant';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
/** SafeLives' MARAC thresholds: 14 'yes' answers on the Dash. */
const THRESHOLD = /\b14\b/;

describe('SafeLives MARAC thresholds', () => {
  it('are cited to SafeLives wherever a walk-through step or practice feedback states them', () => {
    const stating: string[] = [];
    for (const tree of library.trees.values()) {
      for (const [id, node] of Object.entries(tree.nodes)) {
        if (![node.text, ...node.points].some((line) => THRESHOLD.test(line))) continue;
        stating.push(`${tree.id}/${id}`);
        expect(node.publicSources, `${tree.id}/${id}`).toContain('safelives-marac-criteria');
      }
    }
    for (const scenario of library.scenarios.values()) {
      for (const [moment, { responses }] of Object.entries(scenario.moments)) {
        for (const response of responses.filter((r) => THRESHOLD.test(r.feedback))) {
          stating.push(`${scenario.id}/${moment}/${response.id}`);
          expect(response.publicSources, `${scenario.id}/${moment}/${response.id}`).toContain('safelives-marac-criteria');
        }
      }
    }
    expect(stating.length).toBeGreaterThan(3);
  });

  it('show where they come from in the step itself', () => {
    const assistant = new Assistant(library, new GuidanceSearch(documentsFrom(library)), { idleTimeoutMs: 60_000 });
    let turn = assistant.respond({ value: { action: 'start', tree: 'marac-referral' } }, undefined);
    turn = assistant.respond({ value: { action: 'choose', tree: 'marac-referral', node: 'danger-now', choice: 'no-danger' } }, turn.session);
    const step = turn.replies.at(-1);
    expect(step?.node).toBe('four-criteria');
    expect(replyText(step as NonNullable<typeof step>)).toMatch(/Also from[^]*Marac referral criteria and form, SafeLives \(https:\/\/safelives\.org\.uk/);
  });
});
