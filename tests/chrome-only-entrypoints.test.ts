// In tests/, not beside the module: WXT loads every file in modules/ as a module of the build.
import { describe, expect, it } from 'vitest';
import { dropChromeOnlyEntrypoints } from '../modules/chrome-only-entrypoints';

describe('Chrome-only entrypoints', () => {
  const found = () => ['background', 'content', 'offscreen', 'options', 'popup', 'reader'].map((name) => ({ name, inputPath: `entrypoints/${name}` }));
  it('leaves the offscreen document out of the Firefox build, before WXT would report it skipped', () => {
    const firefox = found();
    dropChromeOnlyEntrypoints('firefox', firefox);
    expect(firefox.map((e) => e.name)).toEqual(['background', 'content', 'options', 'popup', 'reader']);
  });
  it('keeps every entrypoint in Chrome’s', () => {
    const chrome = found();
    dropChromeOnlyEntrypoints('chrome', chrome);
    expect(chrome).toEqual(found());
  });
});
