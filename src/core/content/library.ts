/**
 * The loaded, validated guidance: every card, tree and source, indexed by id.
 * Built once at start-up; immutable afterwards.
 */
import { defaultContentPaths, formatFault, loadRawContent, type ContentFault, type ContentPaths } from './load';
import type { Card, Menu, SourceDocument, SourceRef, Tree } from './schema';
import { validateContent } from './validate';

export class ContentError extends Error {
  constructor(readonly faults: ContentFault[]) {
    super(`Waypoint content has ${faults.length} fault(s):\n${faults.map((f) => `  - ${formatFault(f)}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

/** A resolved citation: the ids content uses, and the names replies show. */
export interface Citation {
  document: string;
  section: string;
  /** The document's short title. */
  documentTitle: string;
  /** The section's heading, as the document prints it. */
  sectionTitle: string;
}

export class ContentLibrary {
  readonly cards: ReadonlyMap<string, Card>;
  readonly trees: ReadonlyMap<string, Tree>;
  private readonly documents: ReadonlyMap<string, SourceDocument>;

  constructor(cards: Card[], trees: Tree[], documents: SourceDocument[], readonly menu: Menu) {
    this.cards = new Map(cards.map((c) => [c.id, c]));
    this.trees = new Map(trees.map((t) => [t.id, t]));
    this.documents = new Map(documents.map((d) => [d.id, d]));
  }

  card(id: string): Card | undefined {
    return this.cards.get(id);
  }

  tree(id: string): Tree | undefined {
    return this.trees.get(id);
  }

  /** A card or tree title, for buttons and lists. */
  titleOf(id: string): string | undefined {
    return this.cards.get(id)?.title ?? this.trees.get(id)?.title;
  }

  document(id: string): SourceDocument | undefined {
    return this.documents.get(id);
  }

  cite(ref: SourceRef): Citation {
    const doc = this.documents.get(ref.document);
    const section = doc?.sections.find((s) => s.id === ref.section);
    return {
      document: ref.document,
      section: ref.section,
      documentTitle: doc?.shortTitle ?? ref.document,
      sectionTitle: section?.title ?? ref.section,
    };
  }

  get emergencyCard(): Card {
    return this.cards.get(this.menu.emergencyCard) as Card;
  }

  get helplinesCard(): Card {
    return this.cards.get(this.menu.helplinesCard) as Card;
  }
}

/** Loads and validates all content; throws a ContentError listing every fault. */
export function loadContentLibrary(paths: ContentPaths): ContentLibrary {
  const { content, faults } = loadRawContent(paths);
  faults.push(...validateContent(content));
  if (faults.length > 0 || !content.sources || !content.menu) throw new ContentError(faults);
  return new ContentLibrary(
    content.cards.map((c) => c.card),
    content.trees.map((t) => t.tree),
    content.sources.documents,
    content.menu,
  );
}

export { defaultContentPaths };
