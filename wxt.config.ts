import { defineConfig } from 'wxt';
import { manifestCommands } from './lib/commands';
import { dropChromeOnlyEntrypoints } from './modules/chrome-only-entrypoints';
import { corpusAssets, corpusPlugin } from './modules/corpus-plugin';
import { noInnerHtmlPlugin, readabilityWithoutInnerHtmlPlugin } from './modules/no-inner-html-plugin';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // IIC_OUT: a build of another corpus (IIC_SEEDS) beside the usual one, for the large-corpus tests.
  outDir: process.env.IIC_OUT ?? '.output',
  hooks: {
    // Chrome's offscreen document is not built for Firefox, and WXT then has nothing to report as skipped.
    'entrypoints:found': (wxt, found) => dropChromeOnlyEntrypoints(wxt.config.browser, found),
    // The corpus goes into the package as files the background reads on demand, not as a string inside background.js.
    'build:publicAssets': (_wxt, files) => {
      files.push(...corpusAssets());
    },
  },
  // The sources zip for addons.mozilla.org: what builds the extension, not test output.
  zip: { excludeSources: ['e2e/artifacts/**', 'bench/results.json', 'docs/**', '.output/**'] },
  vite: () => ({
    plugins: [corpusPlugin(), noInnerHtmlPlugin(), readabilityWithoutInnerHtmlPlugin()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    version: pkg.version,
    // storage: settings (on/off per site, options) and the library's names for the content script.
    // contextMenus: "Save to my library" on the page's menu. offscreen (Chrome only): a DOM for
    // Readability, which the service worker lacks (Firefox's background page has one).
    // No host permission or scripting: the content script's match pattern is what lets it read pages,
    // and it hands a copy of the page to the extension only when the reader asks to save it.
    permissions: ['storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    action: { default_title: '__MSG_extName__' },
    // Declared as commands, not only caught in the page, so the browser lists them
    // (chrome://extensions/shortcuts, Firefox's "Manage Extension Shortcuts") and the reader can change them.
    // The background relays each one to the active tab's content script (lib/commands.ts).
    commands: manifestCommands(),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'iran-iraq-context@iic.example',
              // The CSS Custom Highlight API arrived in Firefox 140; data_collection_permissions in 142 on Android.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : // 109: the offscreen document the library's extraction runs in.
        { minimum_chrome_version: '109' }),
  }),
});
