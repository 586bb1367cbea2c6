/**
 * The tree diagrams (docs/trees/*.md) and the coverage report, both derived
 * from the content. The committed diagrams must match the trees.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationsOf, documentCoverage } from '../../src/core/content/coverage';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import type { SourceDocument } from '../../src/core/content/schema';
import { PROJECT_ROOT } from '../../src/paths';
import { treeDiagramFile, treeFlowchart } from '../../src/tooling/mermaid';
import { reviewReport } from '../../src/core/content/review';

const fixture = loadContentLibrary(defaultContentPaths(join(__dirname, '..', 'fixtures', 'valid')));

describe('tree diagrams', () => {
  it('draw questions, advice and outcomes, with option labels on the arrows', () => {
    const chart = treeFlowchart(fixture.tree('small-tree') ?? (undefined as never));
    expect(chart.split('\n')).toEqual([
      'flowchart TD',
      '  n_ask{"Which way?"}',
      '  n_advise["Some advice."]',
      '  n_end_left(["Done left."]):::outcome',
      '  n_end_right(["Done right."]):::outcome',
      '  n_ask -->|"Left"| n_advise',
      '  n_ask -->|"Right"| n_end_right',
      '  n_advise --> n_end_left',
      '  classDef outcome fill:#e6f4ea,stroke:#2e7d32',
    ]);
  });

  it('are current for every tree (run npm run content:diagrams)', () => {
    const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
    for (const tree of library.trees.values()) {
      expect(readFileSync(join(PROJECT_ROOT, 'docs', 'trees', `${tree.id}.md`), 'utf8'), tree.id).toBe(treeDiagramFile(tree));
    }
  });
});

describe('the content review report', () => {
  it('is current (run npm run content:review)', () => {
    const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
    expect(readFileSync(join(PROJECT_ROOT, 'docs', 'content-review.md'), 'utf8')).toBe(reviewReport(library));
  });

  it('lists every item with its owner, dates and sources, soonest due first', () => {
    const report = reviewReport(fixture);
    expect(report).toContain('## A card (card `a-card`)\n\n- Owner: Fixture owner\n- Last reviewed: 2026-01-15\n- Review due: 2099-01-15\n- Cites: ');
    expect(report.indexOf('`a-card`')).toBeLessThan(report.indexOf('`small-tree`'));
  });
});

describe('coverage', () => {
  const doc: SourceDocument = {
    id: 'test-doc', title: 'T', shortTitle: 'T', publisher: 'P', jurisdiction: 'J', file: 'f',
    sections: [
      { id: 'part-one', title: 'Part one', kind: 'substantive' },
      { id: 'part-two', title: 'Part two', parent: 'part-one', kind: 'substantive' },
      { id: 'part-three', title: 'Part three', kind: 'substantive' },
      { id: 'thanks', title: 'Thanks', kind: 'acknowledgements' },
    ],
  };

  it('lists who cites each section and leaves non-substantive sections out of the count', () => {
    const report = documentCoverage(doc, citationsOf(fixture));
    expect(report.sections.find((s) => s.id === 'part-two')?.citedBy).toEqual(['danger', 'small-tree:advise', 'small-tree:end-left']);
    expect(report.substantive).toBe(3);
    expect(report.covered).toBe(2);
    expect(report.meetsBar).toBe(false);
  });

  it('counts the sections a card also draws on', () => {
    const report = documentCoverage(doc, [{ by: 'x', ref: { document: 'test-doc', section: 'part-one', also: ['part-three'] } }]);
    expect(report.sections.find((s) => s.id === 'part-three')?.citedBy).toEqual(['x']);
    expect(report.covered).toBe(2);
  });

  it('counts a parent as covered through its sub-sections', () => {
    const report = documentCoverage(doc, [{ by: 'x', ref: { document: 'test-doc', section: 'part-two' } }]);
    expect(report.sections.find((s) => s.id === 'part-one')).toMatchObject({ citedBy: [], covered: true });
  });
});
