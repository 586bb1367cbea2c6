/**
 * Walking a decision tree. A walk is a tiny, serialisable value (tree id,
 * current node, the nodes behind it), so it can live in conversation state and
 * survive a restart or a move between instances. Every function is pure.
 */
import type { Tree, TreeNode } from '../content/schema';

export interface TreeWalk {
  tree: string;
  node: string;
  /** Nodes already passed, oldest first; `back` pops from here. */
  history: string[];
  /** The option chosen at each node of `history` (for a case note); missing in walks saved before it was kept. */
  answers?: string[];
}

/** The option id an advice node offers for moving on. */
export const CONTINUE = 'continue';

export interface StepOption {
  id: string;
  label: string;
}

export function startWalk(tree: Tree): TreeWalk {
  return { tree: tree.id, node: tree.start, history: [], answers: [] };
}

export function currentNode(tree: Tree, walk: TreeWalk): TreeNode {
  const node = tree.nodes[walk.node];
  if (!node) throw new Error(`tree ${tree.id} has no node ${walk.node}`);
  return node;
}

/** The options a worker can pick at this node (advice nodes offer one: Continue). */
export function optionsAt(node: TreeNode): StepOption[] {
  if (node.type === 'question') return node.options.map(({ id, label }) => ({ id, label }));
  if (node.type === 'advice') return [{ id: CONTINUE, label: 'Continue' }];
  return [];
}

/** Applies a choice at the current node; undefined when that option does not exist there. */
export function choose(tree: Tree, walk: TreeWalk, optionId: string): TreeWalk | undefined {
  const node = currentNode(tree, walk);
  let next: string | undefined;
  if (node.type === 'question') next = node.options.find((o) => o.id === optionId)?.next;
  else if (node.type === 'advice' && optionId === CONTINUE) next = node.next;
  if (!next) return undefined;
  return { tree: walk.tree, node: next, history: [...walk.history, walk.node], answers: walk.answers?.length === walk.history.length ? [...walk.answers, optionId] : undefined };
}

/** Whether an answer at the current node says someone is in danger now (see TreeOption.emergency). */
export function raisesEmergency(tree: Tree, walk: TreeWalk, optionId: string): boolean {
  const node = currentNode(tree, walk);
  return node.type === 'question' && node.options.some((o) => o.id === optionId && o.emergency === true);
}

/** One step back; undefined at the start of the walk. */
export function back(walk: TreeWalk): TreeWalk | undefined {
  const previous = walk.history[walk.history.length - 1];
  if (previous === undefined) return undefined;
  return { tree: walk.tree, node: previous, history: walk.history.slice(0, -1), answers: walk.answers?.slice(0, -1) };
}
