/** @vitest-environment happy-dom */
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { searchHandler } from '../lib/background/handlers';
import { loadedSeedCorpus } from '../tests/seeds';
import { Highlighted } from './Highlighted';
import { useEnglishUi } from './test-support';

useEnglishUi();
const marks = (container: Element) => [...container.querySelectorAll('mark')].map((m) => m.textContent);

describe('Highlighted', () => {
  it('marks the words a real search matched, as written in the text', () => {
    const result = searchHandler(loadedSeedCorpus(), 'us troops');
    const hit = result.statements.find((s) => s.text.includes('2500 US troops'));
    expect(hit).toBeDefined();
    const { container } = render(<Highlighted text={hit!.text} terms={hit!.terms} />);
    expect(marks(container)).toEqual(['US', 'troops']);
    expect(container.textContent).toBe(hit!.text);
  });
  it('ignores case and diacritics, and never marks parts of words', () => {
    const { container } = render(<Highlighted text="Rouhani met Rouhāni’s aides; ROUHANIS left" terms={['rouhani']} />);
    expect(marks(container)).toEqual(['Rouhani', 'Rouhāni']);
  });
  it('folds Arabic and Persian letter forms', () => {
    const { container } = render(<Highlighted text="گفت‌وگو با پمپئو" terms={['پمپيو']} />);
    expect(marks(container)).toEqual(['پمپئو']);
  });
  it('renders markup-looking text as text', () => {
    const { container } = render(<Highlighted text="<b>Zarif</b> said" terms={['zarif']} />);
    expect(container.querySelector('b')).toBeNull();
    expect(marks(container)).toEqual(['Zarif']);
  });
});

describe('Highlighted with a lead', () => {
  it('starts a long text near its first match, at a word', () => {
    const text = `${'word '.repeat(40)}then Pompeo said so`;
    const { container } = render(<Highlighted text={text} terms={['pompeo']} lead={20} />);
    expect(container.textContent).toMatch(/^…(word )+then Pompeo said so$/);
    expect(container.textContent!.indexOf('Pompeo')).toBeLessThanOrEqual(22);
    expect(marks(container)).toEqual(['Pompeo']);
  });
  it('keeps a text whose first match is near its start whole', () => {
    const { container } = render(<Highlighted text="Pompeo said so" terms={['pompeo']} lead={20} />);
    expect(container.textContent).toBe('Pompeo said so');
  });
});
