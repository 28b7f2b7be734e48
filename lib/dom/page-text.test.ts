/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { collectText, createTextCollector, type PageText } from './page-text';

function html(markup: string): HTMLElement {
  const host = document.createElement('div');
  // Tests build fixtures with DOMParser so no HTML-string sink is used on a live node.
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  host.append(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
  document.body.append(host);
  return host;
}

/** Every segment must map back to the node's characters (modulo whitespace). */
function expectSegmentsConsistent({ text, segments }: PageText): void {
  let previousEnd = 0;
  for (const seg of segments) {
    expect(seg.start).toBeGreaterThanOrEqual(previousEnd);
    const fromNode = seg.node.data.slice(seg.nodeStart, seg.nodeStart + seg.end - seg.start);
    expect(fromNode.replace(/\s/g, ' ')).toBe(text.slice(seg.start, seg.end));
    previousEnd = seg.end;
  }
}

afterEach(() => {
  document.body.replaceChildren();
  document.designMode = 'off';
});

describe('collectText', () => {
  it('joins inline elements and keeps names split across <b>', () => {
    const root = html('<p><b>Mohammad Javad</b> Zarif met <i>al-</i><span>Kadhimi</span>.</p>');
    const result = collectText(root);
    expect(result.text).toBe('Mohammad Javad Zarif met al-Kadhimi.');
    expectSegmentsConsistent(result);
  });

  it('separates blocks with a single "\\n" that belongs to no segment', () => {
    const root = html('<div>Javad<p>Zarif</p>Baghdad<br>IRGC<ul><li>a</li><li>b</li></ul><h2>c</h2><table><tr><td>d</td><td>e</td></tr></table></div>');
    const result = collectText(root);
    expect(result.text).toBe('Javad\nZarif\nBaghdad\nIRGC\na\nb\nc\nd\ne');
    for (const seg of result.segments) expect(result.text.slice(seg.start, seg.end)).not.toContain('\n');
    expectSegmentsConsistent(result);
  });

  it('collapses whitespace like the renderer and maps offsets through it', () => {
    const root = html('<p>  Mohammad\n     Javad&nbsp;Zarif  <b> said </b>\t hi </p>');
    const result = collectText(root);
    expect(result.text).toBe('Mohammad Javad Zarif said hi ');
    expectSegmentsConsistent(result);
  });

  it('keeps a whitespace-only node between inline elements as one space', () => {
    const root = html('<p><b>Javad</b> <i>Zarif</i></p>');
    expect(collectText(root).text).toBe('Javad Zarif');
  });

  it.each([
    'script', 'style', 'noscript', 'textarea', 'select', 'code', 'pre', 'template', 'svg', 'math',
    'iran-iraq-context-ui',
  ])('skips text inside <%s>', (tag) => {
    const root = html(`<p>Before <${tag}>Hidden Zarif</${tag}> after</p>`);
    const text = collectText(root, { ownTagNames: ['iran-iraq-context-ui'] }).text;
    expect(text).not.toContain('Hidden');
    expect(text).toMatch(/^Before ?\n?after$/);
  });

  it('skips option text and input values', () => {
    const root = html('<p>A<select><option>Zarif</option></select><input value="Zarif">B</p>');
    expect(collectText(root).text).toBe('A\nB');
  });

  it('treats rendered skipped elements as a break, invisible ones as nothing', () => {
    expect(collectText(html('<p>Javad<code>x</code>Zarif</p>')).text).toBe('Javad\nZarif');
    expect(collectText(html('<p>Javad<script>x</script>Zarif</p>')).text).toBe('JavadZarif');
  });

  it.each(['', 'true', 'plaintext-only', 'TRUE'])('skips contenteditable="%s" and its descendants', (value) => {
    const root = html(`<p>Kept</p><div contenteditable="${value}"><p>Edited <b>Zarif</b></p></div>`);
    expect(collectText(root).text).toBe('Kept');
  });

  it('scans contenteditable="false"', () => {
    expect(collectText(html('<div contenteditable="false">Zarif</div>')).text).toBe('Zarif');
  });

  it('yields nothing when the root inherits editability or designMode is on', () => {
    const root = html('<div contenteditable="true"><p id="inner">Zarif</p></div>');
    const inner = root.querySelector('#inner') as HTMLElement;
    expect(collectText(inner).text).toBe('');
    document.designMode = 'on';
    expect(collectText(html('<p>Zarif</p>')).text).toBe('');
  });

  it('skips [hidden] but not aria-hidden (it is still visible)', () => {
    const root = html('<p hidden>Gone</p><p aria-hidden="true">Shown</p>');
    expect(collectText(root).text).toBe('Shown');
  });

  it('ignores comments and works from a Document root', () => {
    html('<p>Zarif<!-- comment --> said</p>');
    expect(collectText(document).text).toBe('Zarif said');
  });
});

describe('createTextCollector', () => {
  it('returns chunks that end on block boundaries and add up to the whole text', () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => `<p>Paragraph ${i} <b>Mohammad Javad</b> Zarif</p>`);
    const root = html(paragraphs.join(''));
    const whole = collectText(root).text;
    const collector = createTextCollector(root);
    const chunks: string[] = [];
    for (let chunk = collector.next(100); chunk; chunk = collector.next(100)) {
      expectSegmentsConsistent(chunk);
      chunks.push(chunk.text);
    }
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('\n')).toBe(whole);
  });

  it('notices when its resume point was removed', () => {
    const root = html('<p>one</p><p>two</p><p>three</p>');
    const collector = createTextCollector(root);
    expect(collector.next(1)?.text).toBe('one');
    expect(collector.stillAttached()).toBe(true);
    root.replaceChildren();
    expect(collector.stillAttached()).toBe(false);
  });

  it('walks 50k text nodes quickly', () => {
    const root = document.createElement('div');
    for (let i = 0; i < 10_000; i++) {
      const p = document.createElement('p');
      p.append('The ', Object.assign(document.createElement('b'), { textContent: 'Mohammad Javad' }), ' Zarif ');
      p.append(Object.assign(document.createElement('a'), { textContent: 'link' }), ' end.');
      root.append(p);
    }
    document.body.append(root);
    const started = performance.now();
    const result = collectText(root);
    const elapsed = performance.now() - started;
    expect(result.segments.length).toBe(50_000);
    // happy-dom is far slower than a browser; this only guards against quadratic behaviour.
    expect(elapsed).toBeLessThan(3_000);
  });
});
