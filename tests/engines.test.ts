/**
 * Every package the lock file installs accepts the Node versions the project
 * says it runs on (package.json `engines`: the oldest, 20.19, which these
 * machines and CI have; and the LTS the README recommends), so `npm ci` warns
 * of no unsupported engine (EBADENGINE) and the range tells the truth.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Version = [number, number, number];
const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: unknown }> };

const parse = (text: string): { version: Version; given: number } => {
  const parts = text.replace(/^v/, '').split('.');
  const given = parts.findIndex((p) => p === '' || p === 'x' || p === '*' || Number.isNaN(Number(p)));
  const n = given < 0 ? parts.length : given;
  const v = [0, 1, 2].map((i) => (i < n ? Number(parts[i]) : 0)) as Version;
  return { version: v, given: Math.min(n, 3) };
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies an npm range as engines fields write them (>=, >, <, <=, ^, ~, x, ||, "a - b"). */
function satisfies(version: string, range: string): boolean {
  const v = parse(version).version;
  return range.split('||').some((alternative) => {
    const text = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1');
    if (text === '' || text === '*' || text === 'x') return true;
    const hyphen = text.match(/^(\S+)\s+-\s+(\S+)$/);
    if (hyphen) return compare(v, parse(hyphen[1]).version) >= 0 && compare(v, parse(hyphen[2]).version) <= 0;
    return text.split(/\s+/).every((part) => {
      const m = part.match(/^(>=|<=|>|<|=|\^|~)?(.+)$/);
      if (!m) return false;
      const { version: bound, given } = parse(m[2]);
      switch (m[1]) {
        case '>=':
          return compare(v, bound) >= 0;
        case '>':
          return compare(v, bound) > 0;
        case '<':
          return compare(v, bound) < 0;
        case '<=':
          return compare(v, bound) <= 0;
        case '^':
          return compare(v, bound) >= 0 && v[0] === bound[0];
        case '~':
          return compare(v, bound) >= 0 && v[0] === bound[0] && (given < 2 || v[1] === bound[1]);
        default:
          // "20", "20.x", "20.19": the versions it names.
          return bound.slice(0, given).every((part, i) => part === v[i]);
      }
    });
  });
}

describe('Node versions', () => {
  const oldest = pkg.engines.node.replace(/^>=\s*/, '');

  it('reads ranges as npm does', () => {
    expect([satisfies('20.19.0', '>=22.13.0'), satisfies('20.19.0', '>= 0.4'), satisfies('20.19.0', '^18.0.0 || >=20.0.0'), satisfies('20.19.0', '6.* || 8.* || >= 10.*')]).toEqual([false, true, true, true]);
    expect([satisfies('24.0.0', '^20.19.0 || ^22.12.0 || >=24'), satisfies('21.0.0', '^20.19.0 || ^22.12.0 || >=24'), satisfies('20.19.0', '>=20.19.0 <21')]).toEqual([true, false, true]);
  });

  it.each([oldest, '22.13.0', '24.0.0'])('every installed package accepts Node %s', (node) => {
    const refused = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = typeof entry.engines === 'object' && entry.engines !== null ? (entry.engines as { node?: string }).node : undefined;
      return path && range && !satisfies(node, range) ? [`${path.replace(/^node_modules\//, '')}: ${range}`] : [];
    });
    expect(refused).toEqual([]);
  });
});
