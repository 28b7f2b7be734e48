/**
 * Renders tools/icon.svg to the PNG sizes the stores and browsers ask for, with
 * Debian's Chromium: `npx tsx tools/render-icons.ts`. The PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'tools', 'icon.svg'), 'utf8');

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const size of [16, 32, 48, 96, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: join(root, 'public', 'icon', `${size}.png`), omitBackground: true });
    await page.close();
  }
  await browser.close();
}

main();
