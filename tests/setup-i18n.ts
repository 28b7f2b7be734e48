/**
 * Every unit test sees an English browser: WxtVitest's fake `browser` has an
 * `i18n` whose methods throw, so they are answered from the English catalogue
 * (tests of other languages install their own, tests/rtl-ui.test.tsx).
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { catalogue, fakeI18n } from './fake-i18n';

const english = fakeI18n(catalogue('en'), 'en');

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, english);
});
