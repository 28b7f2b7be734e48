/**
 * Shared set-up for component tests. WxtVitest installs a fake `browser` global
 * whose i18n methods throw; with the global gone, `t` reads the English
 * catalogue, as it does outside an extension.
 */
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, expect, vi } from 'vitest';

export function useEnglishUi(): void {
  beforeEach(() => {
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', undefined);
  });
  afterEach(() => cleanup());
}

/**
 * axe-core on a rendered tree, failing on serious and critical findings. Colour
 * contrast needs real layout and is left to the browser tests.
 */
export async function expectNoSeriousAxeViolations(root: Element): Promise<void> {
  const axe = (await import('axe-core')).default;
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}
