/**
 * How much of each source document the content cites. A section counts as
 * covered when a card or tree node cites it (as its main section or among the
 * sections it also draws on) or cites one of its sub-sections.
 * Sections marked as contents, acknowledgements, references or front matter
 * carry no guidance and are left out of the count.
 */
import type { ContentLibrary } from './library';
import type { SourceDocument, SourceRef } from './schema';

/** The share of substantive sections each document must have covered. */
export const COVERAGE_BARS: Record<string, number> = { 'homelessness-da-guidance': 1 };
export const DEFAULT_COVERAGE_BAR = 0.8;

export interface SectionCoverage {
  id: string;
  title: string;
  depth: number;
  substantive: boolean;
  /** Who cites this section directly: card ids and "tree-id:node-id". */
  citedBy: string[];
  /** Cited directly or through a sub-section. */
  covered: boolean;
}

export interface DocumentCoverage {
  id: string;
  title: string;
  bar: number;
  sections: SectionCoverage[];
  substantive: number;
  covered: number;
  share: number;
  meetsBar: boolean;
}

export function citationsOf(library: ContentLibrary): Array<{ by: string; ref: SourceRef }> {
  const refs: Array<{ by: string; ref: SourceRef }> = [];
  for (const card of library.cards.values()) refs.push({ by: card.id, ref: card.source });
  for (const tree of library.trees.values()) {
    for (const [nodeId, node] of Object.entries(tree.nodes)) refs.push({ by: `${tree.id}:${nodeId}`, ref: node.source });
  }
  return refs;
}

export function documentCoverage(doc: SourceDocument, citations: Array<{ by: string; ref: SourceRef }>): DocumentCoverage {
  const citedBy = new Map<string, string[]>();
  for (const { by, ref } of citations) {
    if (ref.document !== doc.id) continue;
    for (const section of [ref.section, ...(ref.also ?? [])]) citedBy.set(section, [...(citedBy.get(section) ?? []), by]);
  }
  const children = new Map<string, string[]>();
  for (const section of doc.sections) {
    if (section.parent) children.set(section.parent, [...(children.get(section.parent) ?? []), section.id]);
  }
  const coveredCache = new Map<string, boolean>();
  const isCovered = (id: string): boolean => {
    const known = coveredCache.get(id);
    if (known !== undefined) return known;
    const result = (citedBy.get(id)?.length ?? 0) > 0 || (children.get(id) ?? []).some(isCovered);
    coveredCache.set(id, result);
    return result;
  };
  const parentOf = new Map(doc.sections.map((s) => [s.id, s.parent]));
  const depthOf = (id: string): number => {
    let depth = 0;
    for (let parent = parentOf.get(id); parent && depth < 10; parent = parentOf.get(parent)) depth += 1;
    return depth;
  };
  const sections = doc.sections.map((s) => ({
    id: s.id,
    title: s.title,
    depth: depthOf(s.id),
    substantive: s.kind === 'substantive',
    citedBy: citedBy.get(s.id) ?? [],
    covered: isCovered(s.id),
  }));
  const substantive = sections.filter((s) => s.substantive);
  const covered = substantive.filter((s) => s.covered).length;
  const share = substantive.length === 0 ? 0 : covered / substantive.length;
  const bar = COVERAGE_BARS[doc.id] ?? DEFAULT_COVERAGE_BAR;
  return { id: doc.id, title: doc.shortTitle, bar, sections, substantive: substantive.length, covered, share, meetsBar: share >= bar };
}

export function coverageReport(library: ContentLibrary): DocumentCoverage[] {
  const citations = citationsOf(library);
  return library.documents.map((doc) => documentCoverage(doc, citations));
}
