/**
 * Browsers and pages for the bench: a plain Chromium (no extension) for the
 * in-page measurements and baselines, a killable one for mark.js (a synchronous
 * call that may run for minutes cannot be interrupted from inside the page),
 * and the loopback server that serves the bench pages.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type StaticServer, serveStatic } from '../e2e/support/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SHARED_PAGES } from './env';
import { API_GLOBAL, type ScanApi } from './in-page/api';
import type { BenchPage } from './pages';

export const VIEWPORT = { width: 1280, height: 800 };
/**
 * Page scripts off, remote loads off: the DOM as served, measured without the
 * page's own work. Cross-origin isolation gives performance.now() 5 µs
 * resolution instead of 100 µs, which the floor pass of a small page needs.
 */
export const STATIC_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'self' 'unsafe-inline' data:; script-src 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
/** Page scripts on (their long tasks are part of what a reader lives with), remote loads off. */
export const OFFLINE_HEADERS: Readonly<Record<string, string>> = { 'Content-Security-Policy': "default-src 'self' 'unsafe-inline' data:" };

export async function launchPlain(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** A browser in its own process tree, which `kill()` ends whatever its pages are doing. */
export async function launchKillable(): Promise<{ browser: Browser; kill(): Promise<void> }> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    async kill() {
      await server.kill();
    },
  };
}

export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT });
}

/** Serves generated pages from memory and ../shared/pages from disk (or nothing, when absent). */
export async function servePages(pages: readonly BenchPage[], headers: Readonly<Record<string, string>>): Promise<StaticServer> {
  const dir = existsSync(SHARED_PAGES) ? SHARED_PAGES : mkdtempSync(path.join(os.tmpdir(), 'iic-bench-empty-'));
  const server = await serveStatic(dir, { headers: { ...headers } });
  for (const page of pages) if (page.html !== null) server.route(page.path, page.html);
  return server;
}

/** Runs a script in the page's main world; DevTools evaluation is not subject to the page's CSP. */
export async function inject(page: Page, source: string): Promise<void> {
  await page.evaluate(source);
}

type Result<K extends keyof ScanApi> = Awaited<ReturnType<ScanApi[K]>>;
type Globals = Record<string, Record<string, (...args: unknown[]) => unknown>>;

/** Calls the injected bench API (in-page/scan-api.ts) and returns its plain-data result. */
export async function callApi<K extends keyof ScanApi>(page: Page, name: K, ...args: Parameters<ScanApi[K]>): Promise<Result<K>> {
  const result = await page.evaluate(([api, fn, a]) => (globalThis as unknown as Globals)[api][fn](...a), [API_GLOBAL, name, args] as [string, string, unknown[]]);
  return result as Result<K>;
}

export const sleep = (msDelay: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, msDelay));
