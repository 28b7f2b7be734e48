/**
 * Component tests in another interface language: `browser.i18n` answers from
 * that language's catalogue, as the browser does for a Persian or Arabic user.
 */
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type Catalogue, fakeI18n } from './fake-i18n';

/**
 * The interface in `locale`; `browser` and `chrome` come back as they were
 * after each test. Not `vi.unstubAllGlobals()`: WXT's set-up file stubs both
 * with its fake browser, and unstubbing would delete that fake as well.
 */
export function useUi(messages: Catalogue, uiLanguage: string): void {
  const saved = new Map<string, PropertyDescriptor | undefined>();
  beforeEach(() => {
    for (const name of ['browser', 'chrome']) saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    const i18n = { value: { i18n: fakeI18n(messages, uiLanguage) }, configurable: true, writable: true };
    Object.defineProperty(globalThis, 'browser', i18n);
    Object.defineProperty(globalThis, 'chrome', { value: undefined, configurable: true, writable: true });
    fakeBrowser.reset();
  });
  afterEach(() => {
    cleanup();
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
    saved.clear();
  });
}

