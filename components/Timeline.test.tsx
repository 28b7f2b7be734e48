/** @vitest-environment happy-dom */
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { timelineHandler } from '../lib/background/handlers';
import { loadedSeedCorpus } from '../tests/seeds';
import { Timeline } from './Timeline';
import { useEnglishUi } from './test-support';

useEnglishUi();
const corpus = loadedSeedCorpus();

describe('Timeline', () => {
  it('puts undated statements apart, labelled, and summarises the chart', () => {
    const points = timelineHandler(corpus, 'iraq');
    const undated = points.find((p) => p.date === null)!;
    const { container } = render(<Timeline points={points} name="Iraq" />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-label')).toMatch(/^Statements about Iraq over time: \d+ statements dated from Aug 20, 2018 to Jul 22, 2020; \d+ statements? undated$/);
    const labels = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toEqual(['Aug 20, 2018', 'Jul 22, 2020', 'undated']);
    // Each label is its own left-to-right run in English, anchored at its end of the axis.
    expect([...chart.querySelectorAll('text')].map((t) => [t.getAttribute('direction'), t.getAttribute('unicode-bidi'), t.getAttribute('text-anchor')])).toEqual([
      ['ltr', 'isolate', 'start'],
      ['ltr', 'isolate', 'end'],
      ['ltr', 'isolate', 'middle'],
    ]);
    expect((container.firstElementChild as HTMLElement).dataset.undated).toBe(String(undated.said + undated.about));
    const rows = [...container.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows.at(-1)).toBe(`undated${undated.said}${undated.about}`);
    expect(rows).toHaveLength(points.length);
  });

  it('lists every dated point in the hidden table, with no undated column when all are dated', () => {
    render(<Timeline points={timelineHandler(corpus, 'mike-pompeo')} name="Mike Pompeo" />);
    const table = screen.getByRole('table', { name: 'Statements about Mike Pompeo over time' });
    expect([...table.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['August 20, 2018', 'January 30, 2019', 'April 18, 2020']);
    expect(screen.getByRole('img').textContent).not.toContain('undated');
  });

  it('says so when a name has no statements', () => {
    const { container } = render(<Timeline points={[]} name="Nobody" />);
    expect(container.textContent).toBe('No statements in the corpus yet.');
  });
});
