/**
 * Shared set-up for component tests. The fake `browser` answers `i18n` in
 * English (tests/setup-i18n.ts), as an English browser would.
 */
import { cleanup } from '@testing-library/preact';
import { afterEach, expect } from 'vitest';

/** Unmounts what each test rendered; the interface is English unless a test installs another language. */
export function useEnglishUi(): void {
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
