/**
 * Runs code in our content script's own world (not the page's): what an
 * attacker who got code into it could send to the background. Chromium: the
 * content script's isolated world, found among the page's execution contexts
 * over CDP. Firefox: the content script's sandbox, reached from a privileged
 * frame script (ExtensionContent's test accessor) and evaluated with
 * `Cu.evalInSandbox`; needs `launchFirefox(..., { systemAccess: true })`.
 */
import type { Page as ChromiumPage } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import type { FirefoxExtension } from './firefox';

/** How the background answered one request sent from the content script. */
export type Outcome = { type: string; answered: string } | { type: string; refused: string };

/**
 * The script run in the content script's world: sends each request in turn
 * with the world's own `runtime.sendMessage`. Chromium's native
 * `sendMessage` hands a rejection back as the polyfill's envelope (the
 * extension's own `browser.runtime` turns it into an error); Firefox rejects.
 */
function senderSource(requests: readonly object[]): string {
  return `(async (requests) => {
    const runtime = (typeof browser === 'object' && browser.runtime) || chrome.runtime;
    const out = [];
    for (const request of requests) {
      try {
        const answer = await runtime.sendMessage(request);
        if (answer && answer.__mozWebExtensionPolyfillReject__) out.push({ type: request.type, refused: String(answer.message) });
        else out.push({ type: request.type, answered: String(JSON.stringify(answer)).slice(0, 300) });
      } catch (error) {
        out.push({ type: request.type, refused: String(error && error.message) });
      }
    }
    return JSON.stringify(out);
  })(${JSON.stringify(requests)})`;
}

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/** Sends `requests` from our content script's isolated world in `page` (Chromium). */
export async function sendFromContentScriptChromium(page: ChromiumPage, extensionId: string, requests: readonly object[]): Promise<Outcome[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as ExecutionContext));
    await cdp.send('Runtime.enable');
    const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
    if (!ours) throw new Error(`no isolated world of ${extensionId} in ${page.url()} (contexts: ${contexts.map((c) => `${c.auxData?.type}:${c.origin}`).join(', ')})`);
    const result = await cdp.send('Runtime.evaluate', { expression: senderSource(requests), contextId: ours.id, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`evaluation failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return JSON.parse(result.result.value as string) as Outcome[];
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Sends `requests` from our content script's sandbox in the selected tab, which must show `page` (Firefox). */
export async function sendFromContentScriptFirefox(ext: FirefoxExtension, page: FirefoxPage, requests: readonly object[]): Promise<Outcome[]> {
  await page.bringToFront();
  const frameScript = `(async () => {
    try {
      const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
      const context = ExtensionContent.getContextByExtensionId(${JSON.stringify(ext.addonId)}, content);
      if (!context) throw new Error('no content script of ours in ' + content.location.href);
      const result = await Cu.evalInSandbox(${JSON.stringify(senderSource(requests))}, context.sandbox);
      sendAsyncMessage('iic-e2e:content-world', { result });
    } catch (error) {
      sendAsyncMessage('iic-e2e:content-world', { error: String(error) });
    }
  })();`;
  const reply = await ext.evaluateChrome<{ result?: string; error?: string }>(`(async () => {
    const tab = gBrowser.selectedBrowser;
    if (tab.currentURI.spec !== ${JSON.stringify(page.url())}) throw new Error('the selected tab shows ' + tab.currentURI.spec);
    const mm = tab.messageManager;
    return new Promise((resolve) => {
      const listener = (message) => {
        mm.removeMessageListener('iic-e2e:content-world', listener);
        resolve(message.data);
      };
      mm.addMessageListener('iic-e2e:content-world', listener);
      mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(frameScript)}), false);
    });
  })()`);
  if (reply.error || reply.result === undefined) throw new Error(`content script world: ${reply.error ?? 'no answer'}`);
  return JSON.parse(reply.result) as Outcome[];
}
