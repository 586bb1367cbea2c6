/**
 * Cross-file and graph checks that a schema cannot express: ids unique across
 * all content, every reference resolves, every citation names a registered
 * section, and every tree is a well-formed walk from its start to outcomes.
 */
import type { Menu, SourceRef, SourceRegistry, SourceSection, Tree, TreeNode } from './schema';
import type { ContentFault, RawContent } from './load';
import { MODE_TARGETS } from './schema';
import { validateReflectionOrder, validateScenarioGraph } from './validatePractice';

export function validateContent(content: RawContent): ContentFault[] {
  const faults: ContentFault[] = [];
  const owners = new Map<string, string>();
  const claim = (id: string, file: string) => {
    const other = owners.get(id);
    if (other) faults.push({ file, path: 'id', message: `id "${id}" is already used by ${other}` });
    else owners.set(id, file);
  };
  for (const { file, card } of content.cards) claim(card.id, file);
  for (const { file, tree } of content.trees) claim(tree.id, file);
  for (const { file, scenario } of content.scenarios) claim(scenario.id, file);
  for (const { file, reflection } of content.reflections) claim(reflection.id, file);
  for (const mode of MODE_TARGETS) {
    const owner = owners.get(mode);
    if (owner) faults.push({ file: owner, path: 'id', message: `"${mode}" is reserved for the ${mode} mode` });
  }

  const cardIds = new Set(content.cards.map(({ card }) => card.id));
  const treeIds = new Set(content.trees.map(({ tree }) => tree.id));
  const publicIds = new Set((content.sources?.public ?? []).map((source) => source.id));
  /** An id that must name a public source (see PublicSource), and a list of them. */
  const publicSource = (id: string, file: string, path: string) => {
    if (!publicIds.has(id)) faults.push({ file, path, message: `"${id}" is not under public in content/sources.yaml` });
  };
  const publicList = (ids: string[], file: string, path: string) => ids.forEach((id, i) => publicSource(id, file, `${path}[${i}]`));
  const known = (id: string) => owners.has(id);
  const citation = citationChecker(content.sources);

  for (const { file, card } of content.cards) {
    checkFileName(file, card.id, faults);
    card.related.forEach((id, i) => {
      if (!known(id)) faults.push({ file, path: `related[${i}]`, message: `"${id}" is not a card or tree id` });
      if (id === card.id) faults.push({ file, path: `related[${i}]`, message: 'a card cannot be related to itself' });
    });
    citation(card.source, file, 'source', faults);
    publicList(card.publicSources, file, 'publicSources');
    card.currency.forEach((note, i) => publicSource(note.source, file, `currency[${i}].source`));
  }

  content.workerQuestions?.questions.forEach(({ answer }, i) => {
    if (!cardIds.has(answer) && !treeIds.has(answer)) faults.push({ file: 'content/worker-questions.yaml', path: `questions[${i}].answer`, message: `"${answer}" is not a card or tree id` });
  });

  for (const { file, tree } of content.trees) {
    checkFileName(file, tree.id, faults);
    tree.related.forEach((id, i) => {
      if (!known(id)) faults.push({ file, path: `related[${i}]`, message: `"${id}" is not a card or tree id` });
    });
    citation(tree.source, file, 'source', faults);
    for (const [nodeId, node] of Object.entries(tree.nodes)) {
      citation(node.source, file, `nodes.${nodeId}.source`, faults);
      publicList(node.publicSources, file, `nodes.${nodeId}.publicSources`);
      if (node.type === 'outcome') {
        node.cards.forEach((id, i) => {
          if (!cardIds.has(id)) {
            faults.push({ file, path: `nodes.${nodeId}.cards[${i}]`, message: `"${id}" is not a card id` });
          }
        });
        node.trees.forEach((id, i) => {
          if (!treeIds.has(id)) faults.push({ file, path: `nodes.${nodeId}.trees[${i}]`, message: `"${id}" is not a tree id` });
        });
      }
    }
    faults.push(...validateTreeGraph(tree, file));
  }

  const cardList = (ids: string[], file: string, path: string) =>
    ids.forEach((id, i) => {
      if (!cardIds.has(id)) faults.push({ file, path: `${path}[${i}]`, message: `"${id}" is not a card id` });
    });
  for (const { file, scenario } of content.scenarios) {
    checkFileName(file, scenario.id, faults);
    citation(scenario.source, file, 'source', faults);
    cardList(scenario.debrief.cards, file, 'debrief.cards');
    for (const [momentId, moment] of Object.entries(scenario.moments)) {
      moment.responses.forEach((response, i) => {
        const at = `moments.${momentId}.responses[${i}]`;
        citation(response.source, file, `${at}.source`, faults);
        publicList(response.publicSources, file, `${at}.publicSources`);
        cardList(response.read, file, `${at}.read`);
      });
    }
    faults.push(...validateScenarioGraph(scenario, file));
  }
  for (const { file, reflection } of content.reflections) {
    checkFileName(file, reflection.id, faults);
    citation(reflection.source, file, 'source', faults);
    reflection.prompts.forEach((prompt, i) => {
      citation(prompt.source, file, `prompts[${i}].source`, faults);
      cardList(prompt.cards, file, `prompts[${i}].cards`);
    });
    faults.push(...validateReflectionOrder(reflection, file));
  }

  if (content.sources) faults.push(...validateSources(content.sources));
  if (content.menu) faults.push(...validateMenu(content.menu, known, cardIds));
  return faults;
}

function checkFileName(file: string, id: string, faults: ContentFault[]): void {
  const base = file.split(/[\\/]/).pop()?.replace(/\.ya?ml$/, '');
  if (base !== id) faults.push({ file, path: 'id', message: `id "${id}" must match the file name (${id}.yaml)` });
}

function validateMenu(menu: Menu, known: (id: string) => boolean, cardIds: Set<string>): ContentFault[] {
  const file = 'content/menu.yaml';
  const faults: ContentFault[] = [];
  menu.items.forEach((item, i) => {
    if (!known(item.target) && !(MODE_TARGETS as readonly string[]).includes(item.target)) {
      faults.push({ file, path: `items[${i}].target`, message: `"${item.target}" is not a card or tree id, nor ${MODE_TARGETS.join(' or ')}` });
    }
  });
  for (const key of ['emergencyCard', 'helplinesCard'] as const) {
    if (!cardIds.has(menu[key])) faults.push({ file, path: key, message: `"${menu[key]}" is not a card id` });
  }
  return faults;
}

function citationChecker(sources: SourceRegistry | undefined) {
  const sections = new Map<string, Map<string, SourceSection>>();
  for (const doc of sources?.documents ?? []) sections.set(doc.id, new Map(doc.sections.map((s) => [s.id, s])));
  return (ref: SourceRef, file: string, path: string, faults: ContentFault[]) => {
    if (!sources) return; // the registry's own faults are already reported
    const known = sections.get(ref.document);
    if (!known) {
      faults.push({ file, path: `${path}.document`, message: `"${ref.document}" is not a document in content/sources.yaml` });
      return;
    }
    /** The cited section, if it is registered and carries guidance; otherwise records why not. */
    const usable = (id: string, at: string): SourceSection | undefined => {
      const section = known.get(id);
      if (!section) {
        faults.push({ file, path: at, message: `"${id}" is not a registered section of ${ref.document} (see content/sources.yaml)` });
      } else if (section.kind !== 'substantive') {
        faults.push({ file, path: at, message: `"${id}" is marked ${section.kind}: cite the section that carries the guidance` });
      } else {
        return section;
      }
      return undefined;
    };
    const section = usable(ref.section, `${path}.section`);
    if (section && ref.paragraphs && section.paragraphs && !rangeWithin(ref.paragraphs, section.paragraphs)) {
      faults.push({
        file,
        path: `${path}.paragraphs`,
        message: `paragraphs ${ref.paragraphs} are not in section "${ref.section}" (paragraphs ${section.paragraphs})`,
      });
    }
    (ref.also ?? []).forEach((id, i) => {
      if (id === ref.section) faults.push({ file, path: `${path}.also[${i}]`, message: `"${id}" is already the main section` });
      else usable(id, `${path}.also[${i}]`);
    });
  };
}

function bounds(range: string): [number, number] {
  const [from, to] = range.split('-').map(Number) as [number, number | undefined];
  return [from, to ?? from];
}

function rangeWithin(inner: string, outer: string): boolean {
  const [a, b] = bounds(inner);
  const [c, d] = bounds(outer);
  return a >= c && b <= d && a <= b;
}

/** The registry's own integrity: unique document and section ids, parents that exist. */
export function validateSources(sources: SourceRegistry): ContentFault[] {
  const file = 'content/sources.yaml';
  const faults: ContentFault[] = [];
  const docIds = new Set<string>();
  sources.documents.forEach((doc, d) => {
    if (docIds.has(doc.id)) faults.push({ file, path: `documents[${d}].id`, message: `document id "${doc.id}" is used twice` });
    docIds.add(doc.id);
    const sectionIds = new Set(doc.sections.map((s) => s.id));
    const seen = new Set<string>();
    doc.sections.forEach((section, s) => {
      if (seen.has(section.id)) {
        faults.push({ file, path: `documents[${d}].sections[${s}].id`, message: `section id "${section.id}" is used twice in ${doc.id}` });
      }
      seen.add(section.id);
      if (section.parent && !sectionIds.has(section.parent)) {
        faults.push({ file, path: `documents[${d}].sections[${s}].parent`, message: `"${section.parent}" is not a section of ${doc.id}` });
      }
    });
  });
  return faults;
}

/** Where a node can go next; `back` edges are deliberate returns and do not count as forward moves. */
export function forwardEdges(node: TreeNode): Array<{ next: string; back: boolean }> {
  if (node.type === 'question') return node.options.map((o) => ({ next: o.next, back: o.back === true }));
  if (node.type === 'advice') return [{ next: node.next, back: false }];
  return [];
}

export function validateTreeGraph(tree: Tree, file: string): ContentFault[] {
  const faults: ContentFault[] = [];
  const nodes = tree.nodes;
  if (!nodes[tree.start]) {
    faults.push({ file, path: 'start', message: `start node "${tree.start}" does not exist` });
    return faults;
  }

  for (const [id, node] of Object.entries(nodes)) {
    if (node.type === 'question') {
      const labels = new Map<string, number>();
      const optionIds = new Set<string>();
      node.options.forEach((option, i) => {
        const label = option.label.trim().toLowerCase();
        if (labels.has(label)) {
          faults.push({ file, path: `nodes.${id}.options[${i}].label`, message: `label "${option.label}" is used twice in this node` });
        }
        labels.set(label, i);
        if (optionIds.has(option.id)) {
          faults.push({ file, path: `nodes.${id}.options[${i}].id`, message: `option id "${option.id}" is used twice in this node` });
        }
        optionIds.add(option.id);
        if (!nodes[option.next]) {
          faults.push({ file, path: `nodes.${id}.options[${i}].next`, message: `"${option.next}" is not a node in this tree` });
        }
      });
    } else if (node.type === 'advice' && !nodes[node.next]) {
      faults.push({ file, path: `nodes.${id}.next`, message: `"${node.next}" is not a node in this tree` });
    }
  }
  if (faults.length > 0) return faults; // graph checks need resolvable edges

  // Reachability from the start.
  const reached = new Set<string>([tree.start]);
  const queue = [tree.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const { next } of forwardEdges(nodes[id] as TreeNode)) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  for (const id of Object.keys(nodes)) {
    if (!reached.has(id)) faults.push({ file, path: `nodes.${id}`, message: `node "${id}" cannot be reached from the start` });
  }

  // Cycles over forward edges (a depth-first search with three colours).
  const colour = new Map<string, 'grey' | 'black'>();
  const visit = (id: string, trail: string[]): void => {
    colour.set(id, 'grey');
    for (const { next, back } of forwardEdges(nodes[id] as TreeNode)) {
      if (back) continue;
      const state = colour.get(next);
      if (state === 'grey') {
        const loop = [...trail.slice(trail.indexOf(next)), id, next].join(' -> ');
        faults.push({ file, path: `nodes.${id}`, message: `cycle ${loop}: mark the option "back: true" if the return is deliberate` });
      } else if (!state) {
        visit(next, [...trail, id]);
      }
    }
    colour.set(id, 'black');
  };
  visit(tree.start, []);

  // Every walk must end at an outcome: a node with no way forward that is not an outcome is a dead end.
  for (const [id, node] of Object.entries(nodes)) {
    const onward = forwardEdges(node).filter((edge) => !edge.back);
    if (node.type !== 'outcome' && onward.length === 0) {
      faults.push({ file, path: `nodes.${id}`, message: `node "${id}" has no way forward and is not an outcome` });
    }
  }
  return faults;
}

/**
 * Every walk from the start to an outcome, as the list of node ids and the
 * option chosen at each step. Back edges are not followed. Used by the
 * conversation tests to prove every path works through the bot.
 */
export function enumeratePaths(tree: Tree): Array<Array<{ node: string; choice?: string }>> {
  const paths: Array<Array<{ node: string; choice?: string }>> = [];
  const walk = (id: string, trail: Array<{ node: string; choice?: string }>) => {
    const node = tree.nodes[id] as TreeNode;
    if (node.type === 'outcome') {
      paths.push([...trail, { node: id }]);
    } else if (node.type === 'advice') {
      walk(node.next, [...trail, { node: id, choice: 'continue' }]);
    } else {
      for (const option of node.options) {
        if (!option.back) walk(option.next, [...trail, { node: id, choice: option.id }]);
      }
    }
  };
  walk(tree.start, []);
  return paths;
}

