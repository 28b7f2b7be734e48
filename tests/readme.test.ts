/**
 * The README's quick start says what CI does: the same Debian packages for the
 * browsers and fonts as `.ci/run`, the Node release its NodeSource line
 * installs being one `package.json` accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** The words of the apt-get line that installs the browsers. */
function browserInstall(text: string): string[] {
  const line = text.split('\n').find((l) => /apt-get install/.test(l) && /\bchromium\b/.test(l));
  if (!line) throw new Error('no apt-get line for the browsers');
  return line.slice(line.indexOf('apt-get install') + 'apt-get install'.length).split('#')[0].trim().split(/\s+/).sort();
}

describe('the README quick start', () => {
  it('installs exactly the packages .ci/run installs, with the same options', () => {
    expect(browserInstall(read('README.md'))).toEqual(browserInstall(read('.ci/run')));
  });
  it('installs a Node release the engines range accepts', () => {
    const major = Number(read('README.md').match(/deb\.nodesource\.com\/setup_(\d+)\.x/)?.[1]);
    const oldest = Number((JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node.match(/(\d+)/)?.[1]);
    expect(major).toBeGreaterThanOrEqual(oldest);
  });
});
