import { defineConfig } from 'wxt';
import { corpusPlugin } from './modules/corpus-plugin';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  vite: () => ({
    plugins: [corpusPlugin()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    version: pkg.version,
    // storage: settings (on/off per site, options). Nothing else: the content
    // script's match pattern is what lets it read pages, and it never sends them anywhere.
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'iran-iraq-context@iic.example',
              // The CSS Custom Highlight API arrived in Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
