/**
 * Conventions a test keeps true: no page or corpus text ever becomes markup,
 * no code is evaluated from strings, and pure logic stays free of the DOM and
 * extension APIs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !/(^|\/)(node_modules|e2e|tests?|bench)\//.test(f) && !/\.test\.tsx?$/.test(f));

describe('source conventions', () => {
  it('never inserts HTML from strings, never evaluates strings as code', () => {
    const banned = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|eval\(|new Function\()/;
    // The build plugin that strips Preact's innerHTML branch has to name what it removes.
    const allowed = new Set(['modules/no-inner-html-plugin.ts']);
    const offenders = tracked.filter((f) => !allowed.has(f) && banned.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
  it('keeps the engine pure: no DOM globals, no extension APIs, no Node modules', () => {
    const engine = tracked.filter((f) => f.startsWith('lib/engine/'));
    expect(engine.length).toBeGreaterThan(5);
    const impure = /\b(document\.|window\.|browser\.|chrome\.|from 'wxt|from 'node:)/;
    expect(engine.filter((f) => impure.test(readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });
  it('uses no `any` in shipped code', () => {
    expect(tracked.filter((f) => /:\s*any\b|as any\b|<any>/.test(readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });
});
