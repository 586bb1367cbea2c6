/**
 * `npm run content:schemas`: writes the JSON Schemas under `schemas/` from the
 * zod definitions, so YAML editors validate content as it is typed. A test
 * fails when the committed files are stale.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderJsonSchemas } from '../tooling/json-schemas';

const dir = resolve(process.argv[2] ?? join(process.cwd(), 'schemas'));
for (const [name, text] of Object.entries(renderJsonSchemas())) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote schemas/${name}`);
}
