/**
 * The loaded, validated guidance: every card, tree and source, indexed by id.
 * Built once at start-up; immutable afterwards.
 */
import { defaultContentPaths, formatFault, loadRawContent, type ContentFault, type ContentPaths } from './load';
import type { Card, LocalService, LocalServiceKey, LocalServices, Menu, OutOfScope, PublicSource, Reflection, Scenario, SmallTalk, SourceDocument, SourceRef, Thesaurus, Tree, WorkerQuestions } from './schema';
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
  /** The document's date as printed, or undefined when it carries none. */
  documentDate?: string;
  paragraphs?: string;
}

/** "From: <document> (<date>), “<section>”, paragraphs 57-59". */
export function citationLine(source: Citation): string {
  const date = source.documentDate ?? 'undated';
  const paragraphs = source.paragraphs ? `, paragraph${source.paragraphs.includes('-') ? 's' : ''} ${source.paragraphs}` : '';
  return `From: ${source.documentTitle} (${date}), “${source.sectionTitle}”${paragraphs}`;
}

export class ContentLibrary {
  readonly cards: ReadonlyMap<string, Card>;
  readonly trees: ReadonlyMap<string, Tree>;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly reflections: ReadonlyMap<string, Reflection>;
  private readonly documentsById: ReadonlyMap<string, SourceDocument>;
  private readonly publicSourcesById: ReadonlyMap<string, PublicSource>;
  /** "document/section" -> heading as replies show it; computed once, since every reply cites. */
  private readonly headings: ReadonlyMap<string, string>;

  constructor(
    cards: Card[],
    trees: Tree[],
    readonly documents: readonly SourceDocument[],
    readonly menu: Menu,
    readonly local: LocalServices,
    scenarios: Scenario[] = [],
    reflections: Reflection[] = [],
    /** Workers' words for the cards' words, for search. */
    readonly thesaurus: Thesaurus = { entries: [] },
    /** Hello, thanks, bye: answered briefly, never with a card. */
    readonly smallTalk: SmallTalk = { intents: [], filler: [], around: { before: [], after: [] } },
    /** The public pages that currency notes, cards, tree steps and practice feedback cite (an Act section, a gov.uk page, SafeLives). */
    readonly publicSources: readonly PublicSource[] = [],
    /** Questions not covered: the search's scope check learns from them. */
    readonly outOfScope: OutOfScope = { examples: [] },
    /** Workers' questions labelled with their answers: more example questions for search. */
    readonly workerQuestions: WorkerQuestions = { questions: [] },
  ) {
    this.cards = new Map(cards.map((c) => [c.id, c]));
    this.trees = new Map(trees.map((t) => [t.id, t]));
    this.scenarios = new Map(scenarios.map((s) => [s.id, s]));
    this.reflections = new Map(reflections.map((r) => [r.id, r]));
    this.documentsById = new Map(documents.map((d) => [d.id, d]));
    this.publicSourcesById = new Map(publicSources.map((p) => [p.id, p]));
    this.headings = new Map(documents.flatMap((d) => d.sections.map((s) => [`${d.id}/${s.id}`, sectionHeading(d, s.id)])));
  }

  publicSource(id: string): PublicSource | undefined {
    return this.publicSourcesById.get(id);
  }

  card(id: string): Card | undefined {
    return this.cards.get(id);
  }

  tree(id: string): Tree | undefined {
    return this.trees.get(id);
  }

  /** A card or tree title, for buttons and lists. */
  /** Every word of the cards and walk-throughs (lower case): the guidance's own vocabulary, MARAC and IDVA included. */
  guidanceWords(): Set<string> {
    const texts = [
      ...[...this.cards.values()].flatMap((c) => [c.title, c.summary, ...c.keyPoints, ...c.search.synonyms]),
      ...[...this.trees.values()].flatMap((t) => [t.title, ...Object.values(t.nodes).map((n) => n.text)]),
    ];
    return new Set(texts.flatMap((text) => text.toLowerCase().match(/[a-z]+/g) ?? []));
  }

  titleOf(id: string): string | undefined {
    return this.cards.get(id)?.title ?? this.trees.get(id)?.title;
  }

  scenario(id: string): Scenario | undefined {
    return this.scenarios.get(id);
  }

  reflection(id: string): Reflection | undefined {
    return this.reflections.get(id);
  }

  document(id: string): SourceDocument | undefined {
    return this.documentsById.get(id);
  }

  cite(ref: SourceRef): Citation {
    const doc = this.documentsById.get(ref.document);
    return {
      document: ref.document,
      section: ref.section,
      documentTitle: doc?.shortTitle ?? ref.document,
      sectionTitle: this.headings.get(`${ref.document}/${ref.section}`) ?? ref.section,
      documentDate: doc?.date,
      paragraphs: ref.paragraphs,
    };
  }

  /** A local service only if the organisation has filled in at least its name or a way to reach it. */
  localService(key: LocalServiceKey): LocalService | undefined {
    const service = this.local.services[key];
    return service && (service.name || service.phone || service.email || service.teams) ? service : undefined;
  }

  get emergencyCard(): Card {
    return this.cards.get(this.menu.emergencyCard) as Card;
  }

  get helplinesCard(): Card {
    return this.cards.get(this.menu.helplinesCard) as Card;
  }
}

/**
 * A section's heading as replies show it. Where the document repeats a
 * heading ("Gaps in Practice" under several parts), the parent's heading is
 * shown too, so the citation says which one.
 */
export function sectionHeading(doc: SourceDocument, sectionId: string): string {
  const section = doc.sections.find((s) => s.id === sectionId);
  if (!section) return sectionId;
  const repeated = doc.sections.filter((s) => s.title.toLowerCase() === section.title.toLowerCase()).length > 1;
  const parent = repeated && section.parent ? doc.sections.find((s) => s.id === section.parent) : undefined;
  return parent ? `${parent.title} › ${section.title}` : section.title;
}

/** Loads and validates all content; throws a ContentError listing every fault. */
export function loadContentLibrary(paths: ContentPaths): ContentLibrary {
  const { content, faults } = loadRawContent(paths);
  faults.push(...validateContent(content));
  if (faults.length > 0 || !content.sources || !content.menu || !content.localServices) throw new ContentError(faults);
  return new ContentLibrary(
    content.cards.map((c) => c.card),
    content.trees.map((t) => t.tree),
    content.sources.documents,
    content.menu,
    content.localServices,
    content.scenarios.map((s) => s.scenario),
    content.reflections.map((r) => r.reflection),
    content.thesaurus,
    content.smallTalk,
    content.sources.public,
    content.outOfScope,
    content.workerQuestions,
  );
}

export { defaultContentPaths };
