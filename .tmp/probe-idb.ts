import { launchChromium } from '../e2e/support/chromium';
import { askTimed } from '../bench/background-probe';
import { importPack } from '../bench/library-material';
const ext = await launchChromium('.output/chrome-mv3');
const driver = await ext.openExtensionPage('popup.html');
const pack = importPack(Number(process.argv[2] ?? 2000), 250);
for (const b of pack.batches) await askTimed(driver, { type: 'library-import', files: b.files }, 600_000);
console.log('filled');
const page = await ext.openExtensionPage('options.html');
for (let i = 0; i < 2; i++) {
  const out = await page.evaluate(`(async () => {
    const out = {};
    let t = performance.now();
    const db = await new Promise((r, j) => { const q = indexedDB.open('iic-library'); q.onsuccess = () => r(q.result); q.onerror = () => j(q.error); });
    out.open = performance.now() - t;
    const req = (store, f) => new Promise((r) => { const q = f(db.transaction(store).objectStore(store)); q.onsuccess = () => r(q.result); });
    const time = async (k, f) => { const t0 = performance.now(); const v = await f(); out[k] = Math.round((performance.now() - t0) * 10) / 10; return v; };
    await time('countArticles', () => req('articles', (s) => s.count()));
    await time('countDerived', () => req('derived', (s) => s.count()));
    const ents = await time('entitiesAll', () => req('entities', (s) => s.getAll())); out.entitiesN = ents.length;
    const voc = await time('vocab', () => req('vocabulary', (s) => s.get('terms'))); out.vocabN = voc.length;
    const k = await time('postingKeys barham', () => req('postings', (s) => s.getAllKeys(IDBKeyRange.bound(['barham'], ['barham', []])))); out.barhamN = k.length;
    await time('postingVals barham', () => req('postings', (s) => s.getAll(IDBKeyRange.bound(['barham'], ['barham', []]))));
    const ki = await time('postingKeys iraq', () => req('postings', (s) => s.getAllKeys(IDBKeyRange.bound(['iraq'], ['iraq', []])))); out.iraqN = ki.length;
    await time('card', () => req('cards', (s) => s.get('barham-salih')));
    const f = await time('factsAll', () => req('derived', (s) => s.getAll()));
    await time('file', () => req('files', (s) => s.get(f[5].id)));
    await time('metaFetch', () => fetch('/corpus/meta.json').then((r) => r.json()));
    db.close();
    return out;
  })()`);
  console.log(JSON.stringify(out));
}
await ext.close();
