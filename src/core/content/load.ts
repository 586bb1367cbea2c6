/**
 * Reads Waypoint's YAML content from disk and checks each file against its
 * schema. Faults are collected, not thrown one at a time, so an author sees
 * every problem in one run; each names the file and the path inside it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { Card, LocalServices, Menu, OutOfScope, Reflection, Scenario, SmallTalk, SourceRegistry, Thesaurus, Tree, WorkerQuestions } from './schema';

/** Where content lives, relative to the project root. */
export interface ContentPaths {
  /** The project root; fault messages name files relative to it. */
  root: string;
  cardsDir: string;
  treesDir: string;
  /** Practice scenarios and reflective sessions: optional folders (a content set may have none). */
  scenariosDir: string;
  reflectionsDir: string;
  sourcesFile: string;
  menuFile: string;
  /** The organisation's local services: configuration, validated with the content. */
  localServicesFile: string;
  /** The sector thesaurus and small talk, for search: optional (a content set may have none). */
  thesaurusFile?: string;
  smallTalkFile?: string;
  /** Examples of questions not covered, for the search's scope check: optional. */
  outOfScopeFile?: string;
  /** Workers' questions labelled with their answers, for search: optional. */
  workerQuestionsFile?: string;
}

export function defaultContentPaths(root: string): ContentPaths {
  return {
    root,
    cardsDir: join(root, 'content', 'cards'),
    treesDir: join(root, 'dialogs', 'trees'),
    scenariosDir: join(root, 'dialogs', 'scenarios'),
    reflectionsDir: join(root, 'dialogs', 'reflections'),
    sourcesFile: join(root, 'content', 'sources.yaml'),
    menuFile: join(root, 'content', 'menu.yaml'),
    localServicesFile: join(root, 'config', 'local-services.yaml'),
    thesaurusFile: join(root, 'content', 'thesaurus.yaml'),
    smallTalkFile: join(root, 'content', 'small-talk.yaml'),
    outOfScopeFile: join(root, 'content', 'out-of-scope.yaml'),
    workerQuestionsFile: join(root, 'content', 'worker-questions.yaml'),
  };
}

/** One thing wrong with the content, located as precisely as we can. */
export interface ContentFault {
  file: string;
  /** Dotted path inside the file, e.g. `nodes.start.options[1].next`; empty for the whole file. */
  path: string;
  message: string;
}

export function formatFault(fault: ContentFault): string {
  return fault.path ? `${fault.file} at ${fault.path}: ${fault.message}` : `${fault.file}: ${fault.message}`;
}

/** Content exactly as parsed, before cross-file checks. */
export interface RawContent {
  cards: Array<{ file: string; card: Card }>;
  trees: Array<{ file: string; tree: Tree }>;
  scenarios: Array<{ file: string; scenario: Scenario }>;
  reflections: Array<{ file: string; reflection: Reflection }>;
  sources?: SourceRegistry;
  menu?: Menu;
  localServices?: LocalServices;
  thesaurus?: Thesaurus;
  smallTalk?: SmallTalk;
  outOfScope?: OutOfScope;
  workerQuestions?: WorkerQuestions;
}

export function loadRawContent(paths: ContentPaths): { content: RawContent; faults: ContentFault[] } {
  const faults: ContentFault[] = [];
  const read = <S extends z.ZodType>(file: string, schema: S) => parseFile(file, schema, paths.root, faults);

  const cards = yamlFiles(paths.cardsDir, paths.root, faults).flatMap((file) => {
    const card = read(file, Card);
    return card ? [{ file: relative(paths.root, file), card }] : [];
  });
  const trees = yamlFiles(paths.treesDir, paths.root, faults).flatMap((file) => {
    const tree = read(file, Tree);
    return tree ? [{ file: relative(paths.root, file), tree }] : [];
  });
  const scenarios = yamlFiles(paths.scenariosDir, paths.root, faults, { optional: true }).flatMap((file) => {
    const scenario = read(file, Scenario);
    return scenario ? [{ file: relative(paths.root, file), scenario }] : [];
  });
  const reflections = yamlFiles(paths.reflectionsDir, paths.root, faults, { optional: true }).flatMap((file) => {
    const reflection = read(file, Reflection);
    return reflection ? [{ file: relative(paths.root, file), reflection }] : [];
  });
  const sources = read(paths.sourcesFile, SourceRegistry);
  const menu = read(paths.menuFile, Menu);
  const localServices = read(paths.localServicesFile, LocalServices);
  const thesaurus = paths.thesaurusFile && existsSync(paths.thesaurusFile) ? read(paths.thesaurusFile, Thesaurus) : undefined;
  const smallTalk = paths.smallTalkFile && existsSync(paths.smallTalkFile) ? read(paths.smallTalkFile, SmallTalk) : undefined;
  const outOfScope = paths.outOfScopeFile && existsSync(paths.outOfScopeFile) ? read(paths.outOfScopeFile, OutOfScope) : undefined;
  const workerQuestions = paths.workerQuestionsFile && existsSync(paths.workerQuestionsFile) ? read(paths.workerQuestionsFile, WorkerQuestions) : undefined;
  return { content: { cards, trees, scenarios, reflections, sources, menu, localServices, thesaurus, smallTalk, outOfScope, workerQuestions }, faults };
}

function yamlFiles(dir: string, root: string, faults: ContentFault[], options: { optional?: boolean } = {}): string[] {
  if (options.optional && !existsSync(dir)) return [];
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    faults.push({ file: relative(root, dir) || dir, path: '', message: 'folder not found' });
    return [];
  }
}

/** Parses one YAML file and validates it; records faults and returns undefined when it is not usable. */
export function parseFile<S extends z.ZodType>(
  file: string,
  schema: S,
  root: string,
  faults: ContentFault[],
): z.infer<S> | undefined {
  const name = relative(root, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    faults.push({ file: name, path: '', message: 'file not found' });
    return undefined;
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      faults.push({ file: name, path: '', message: `YAML syntax: ${error.message.split('\n')[0]}` });
    }
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    for (const issue of result.error.issues) {
      faults.push({ file: name, path: formatPath(issue.path), message: issue.message });
    }
    return undefined;
  }
  return result.data;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}
