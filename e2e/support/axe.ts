/** Runs axe-core in a page and returns the serious and critical violations. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** Anything with `evaluate(source)`: a playwright or puppeteer page. */
interface Evaluator {
  evaluate(expression: string): Promise<unknown>;
}

export async function seriousViolations(page: Evaluator): Promise<Violation[]> {
  await page.evaluate(axeSource);
  return (await page.evaluate(`(async () => {
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  })()`)) as Violation[];
}
