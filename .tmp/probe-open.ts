import { launchChromium } from '../e2e/support/chromium';
import { askTimed } from '../bench/background-probe';
import { importPack } from '../bench/library-material';
const ext = await launchChromium('.output/chrome-mv3');
const driver = await ext.openExtensionPage('popup.html');
const pack = importPack(Number(process.argv[2] ?? 2000), 250);
for (const b of pack.batches) await askTimed(driver, { type: 'library-import', files: b.files }, 600_000);
console.log('filled');
const probe = async () => {
  await ext.stopServiceWorker();
  const sw = await ext.serviceWorker();
  return sw.evaluate(async () => {
    const out: Record<string, number> = {};
    let t = performance.now();
    const db: IDBDatabase = await new Promise((r, j) => { const q = indexedDB.open('iic-library'); q.onsuccess = () => r(q.result); q.onerror = () => j(q.error); });
    out.open = performance.now() - t;
    const req = <T>(f: (tx: IDBTransaction) => IDBRequest<T>, store: string) => new Promise<T>((r) => { const tx = db.transaction(store); const q = f(tx); q.onsuccess = () => r(q.result); });
    t = performance.now(); await req((tx) => tx.objectStore('articles').count(), 'articles'); out.countArticles = performance.now() - t;
    t = performance.now(); await req((tx) => tx.objectStore('derived').count(), 'derived'); out.countDerived = performance.now() - t;
    t = performance.now(); const m = await req((tx) => tx.objectStore('mentions').getAll(IDBKeyRange.bound(['barham-salih'], ['barham-salih', []])), 'mentions'); out.mentions = performance.now() - t; out.mentionsN = (m as unknown[]).length;
    t = performance.now(); const f = await req((tx) => tx.objectStore('files').get((m as { article: string }[])[0].article), 'files'); out.file = performance.now() - t; out.fileKB = JSON.stringify(f).length / 1024;
    t = performance.now(); await req((tx) => tx.objectStore('entities').get('barham-salih'), 'entities'); out.entity = performance.now() - t;
    t = performance.now(); const v = await req((tx) => tx.objectStore('vocabulary').get('terms'), 'vocabulary'); out.vocab = performance.now() - t; out.vocabN = (v as string[]).length;
    t = performance.now(); await req((tx) => tx.objectStore('entities').getAll(), 'entities'); out.entitiesAll = performance.now() - t;
    return out;
  });
};
for (let i = 0; i < 3; i++) console.log(JSON.stringify(await probe()));
await ext.close();
