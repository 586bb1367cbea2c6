/** JSON Schemas for content files, generated from the zod schemas (one source of truth). */
import { z } from 'zod';
import { Card, LocalServices, Menu, OutOfScope, Reflection, Scenario, SmallTalk, SourceRegistry, Thesaurus, Tree, WorkerQuestions } from '../core/content/schema';
import { TranscriptFile } from '../transcripts/schema';

const files: Record<string, { title: string; schema: z.ZodType }> = {
  'card.schema.json': { title: 'Waypoint guidance card', schema: Card },
  'tree.schema.json': { title: 'Waypoint decision tree', schema: Tree },
  'scenario.schema.json': { title: 'Waypoint practice scenario', schema: Scenario },
  'reflection.schema.json': { title: 'Waypoint reflective session', schema: Reflection },
  'sources.schema.json': { title: 'Waypoint source registry', schema: SourceRegistry },
  'menu.schema.json': { title: 'Waypoint menu', schema: Menu },
  'thesaurus.schema.json': { title: 'Waypoint sector thesaurus', schema: Thesaurus },
  'small-talk.schema.json': { title: 'Waypoint small talk', schema: SmallTalk },
  'out-of-scope.schema.json': { title: 'Waypoint questions not covered', schema: OutOfScope },
  'worker-questions.schema.json': { title: "Waypoint workers' questions and their answers", schema: WorkerQuestions },
  'local-services.schema.json': { title: 'Waypoint local services (per organisation)', schema: LocalServices },
  'transcript.schema.json': { title: 'Waypoint conversation tests', schema: TranscriptFile },
};

export function renderJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { title, schema }] of Object.entries(files)) {
    const json = { title, ...z.toJSONSchema(schema, { io: 'input' }) };
    out[name] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}
