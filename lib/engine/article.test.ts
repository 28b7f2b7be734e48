import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { A, SHARED, seedCorpus } from '../../tests/seeds';
import { findSources, parseArticle, titleFromLead, validateMeta } from './article';

const article = (id: string) => {
  const found = seedCorpus().articles.find((a) => a.id === id);
  if (!found) throw new Error(`no article ${id}`);
  return found;
};

describe('dates come from the text, never guessed', () => {
  it('reads " date 2018-08-20" at the head of the lead', () => {
    expect(article(A.qassemi).date).toEqual({ iso: '2018-08-20', text: '2018-08-20', source: 'text' });
  });
  it('reads "Jan 30, 2019 17:41 Asia/Tehran" keeping time and zone', () => {
    expect(article(A.moscow).date).toEqual({ iso: '2019-01-30', time: '17:41', zone: 'Asia/Tehran', text: 'Jan 30, 2019 17:41 Asia/Tehran', source: 'text' });
  });
  it('leaves an article with no date in its text undated ("on Monday" is not a date)', () => {
    expect(article(A.kanaani).date).toBeNull();
  });
  it('rejects impossible dates rather than inventing one', () => {
    expect(parseArticle('x', ' date 2020-02-31 Body text here.').date).toBeNull();
  });
});

describe('outlets, datelines and titles', () => {
  it.each([
    [A.moscow, 'Iran Press'],
    [A.kanaani, 'Shafaq News'],
  ])('%s is published by %s (a byline)', (id, name) => {
    expect(article(id).outlet).toEqual({ name, how: 'byline', source: 'text' });
  });
  it('does not make an outlet it only cites or credits the publisher', () => {
    expect(article(A.qassemi).outlet).toBeNull();
    expect(article(A.qassemi).sources).toEqual([
      { name: 'IRNA', how: 'contributed' },
      { name: 'Press TV', how: 'contributed' },
      { name: 'Tasnim News Agency', how: 'contributed' },
    ]);
    expect(article(A.rouhani).outlet).toBeNull();
    expect(article(A.rouhani).sources).toEqual([{ name: 'Mehr', how: 'reported' }]);
    expect(article(A.kazemi).outlet).toBeNull();
    expect(article(A.kazemi).sources).toEqual([{ name: 'Tasnim', how: 'interview' }]);
    expect(article(A.kanaani).sources).toEqual([{ name: 'Mehr News Agency', how: 'according-to' }]);
    expect(article(A.moscow).sources).toEqual([]);
  });
  it('finds the dateline and removes it from the body', () => {
    expect(article(A.rouhani).dateline).toBe('TEHRAN');
    expect(article(A.rouhani).paragraphs[0]).toMatch(/^President Hassan Rouhani says/);
    expect(article(A.qassemi).dateline).toBeNull();
  });
  it('uses the bullet headline of 001 and drops its repeat', () => {
    const a = article(A.moscow);
    expect(a.title).toBe('Iraq not to enter anti Iran alliance');
    expect(a.titleFromLead).toBe(false);
    expect(a.paragraphs[0]).toBe('Iraqi Foreign Minister assured Russia that Baghdad will not enter any treaty against Iran.');
  });
  it('otherwise titles with the lead sentence, shortened with an ellipsis', () => {
    const a = article(A.kazemi);
    expect(a.titleFromLead).toBe(true);
    expect(a.title.endsWith('…')).toBe(true);
    expect(a.title.length).toBeLessThanOrEqual(101);
    expect(a.paragraphs[0].startsWith(a.title.slice(0, -1))).toBe(true);
    expect(titleFromLead('Short lead. Second sentence.')).toBe('Short lead.');
  });
});

describe('body cleaning', () => {
  it('keeps related headlines apart from the body', () => {
    const a = article(A.moscow);
    expect(a.related).toEqual([
      'Russia considers anti-Iran conference in Poland as nonconstructive: Lavrov',
      "Iran-Iraq relations is none of Pompeo's business: Zarif",
      'Iraqi FM: Baghdad boycotts anti-Iran event in Poland',
      'Iraq won’t be a hub for US conspiracy against Iran: official',
    ]);
    const body = a.paragraphs.join('\n');
    expect(body).not.toMatch(/Related news|Read More|none of Pompeo's business/);
    expect(body).toContain('Lavrov went on to say');
  });
  it('strips byline prefixes, sign-off initials and credit lines', () => {
    expect(article(A.moscow).paragraphs[1]).toMatch(/^In a joint press conference/);
    expect(article(A.kanaani).paragraphs[0]).toMatch(/^Iranian Foreign Ministry spokesman Nasser Kanaani/);
    expect(article(A.kazemi).paragraphs.at(-1)).toMatch(/Abu Mahdi al-Muhandis, and a number of others in Baghdad\.$/);
    expect(article(A.qassemi).paragraphs.join(' ')).not.toContain('contributed to this story');
    expect(article(A.qassemi).credits).toEqual(['IRNA, Press TV and Tasnim News Agency contributed to this story.']);
  });
});

describe('sidecars', () => {
  it('win over the text and are marked as such', () => {
    const a = parseArticle('x', 'Shafaq News / Kanaani said things.', { date: '2024-02-05', outlet: 'Shafaq News English', url: 'https://example.org/a' });
    expect(a.date).toEqual({ iso: '2024-02-05', text: '2024-02-05', source: 'sidecar' });
    expect(a.outlet).toEqual({ name: 'Shafaq News English', how: 'sidecar', source: 'sidecar' });
    expect(a.url).toBe('https://example.org/a');
  });
  it('are validated field by field', () => {
    expect(validateMeta({ date: '2024-13-01', colour: 'red', url: 'javascript:alert(1)' }).problems).toEqual([
      'unknown field "colour" (allowed: date, time, zone, url, outlet, title)',
      '"date" must be a real date written YYYY-MM-DD, not "2024-13-01"',
      '"url" must be an http(s) address, not "javascript:alert(1)"',
    ]);
    expect(validateMeta([]).problems).toHaveLength(1);
  });
});

describe('the publisher is what the text says published it', () => {
  const lead = (text: string) => {
    const a = parseArticle('x', ` date 2021-06-26 ${text}\n\nSecond paragraph.`);
    return { outlet: a.outlet?.name ?? null, how: a.outlet?.how ?? null, dateline: a.dateline, first: a.paragraphs[0], date: a.date?.iso ?? null };
  };
  it.each([
    ['Shafaq News / The minister arrived.', 'Shafaq News'],
    ['Shafaq News/ The minister arrived.', 'Shafaq News'],
    ['Islam Times - All groups agree, says a lawmaker.', 'Islam Times'],
    ['Tehran Times — The minister arrived.', 'Tehran Times'],
  ])('reads the byline prefix of "%s"', (text, name) => {
    expect(lead(text)).toEqual({ outlet: name, how: 'byline', dateline: null, first: text.replace(/^.*?(?:\/|\s[-—])\s*/, ''), date: '2021-06-26' });
  });
  it.each([
    ['BAGHDAD (Reuters) - Three bombs exploded.', 'Reuters', 'BAGHDAD', 'Three bombs exploded.'],
    ['(AP) — The vote was close.', 'Associated Press', null, 'The vote was close.'],
    ['TEHRAN, Jun. 26 (MNA) – The premier said he would visit.', 'Mehr News Agency', 'TEHRAN', 'The premier said he would visit.'],
    ['Tehran (IP) - A lawmaker says the plot was planned.', 'Iran Press', 'Tehran', 'A lawmaker says the plot was planned.'],
    ['ERBIL (Kurdistan 24) – The official condemned the strikes.', 'Kurdistan24', 'ERBIL', 'The official condemned the strikes.'],
    ['Baghdad, 20 March 2023 (TDI): The two sides signed.', 'The Diplomatic Insight', 'Baghdad', 'The two sides signed.'],
    ['BERLIN (dpa) - The talks ended.', 'dpa', 'BERLIN', 'The talks ended.'],
    ['DUBAI (GNB) - The meeting ended.', 'GNB', 'DUBAI', 'The meeting ended.'],
    ['CAIRO (UrduPoint News / Sputnik - 18th June, 2020) The ministry summoned him.', 'Sputnik', 'CAIRO', 'The ministry summoned him.'],
    ['Tehran, IRNA – The president met him.', 'IRNA', 'Tehran', 'The president met him.'],
    ['Baghdad / Al-Akhbariya: The president spoke.', 'Al-Akhbariya', 'Baghdad', 'The president spoke.'],
    ['NCRI – In an interview he spoke.', 'NCRI', null, 'In an interview he spoke.'],
  ])('reads the agency of the wire dateline "%s" by its full name where it is an acronym every desk knows, and the place as the dateline', (text, name, dateline, first) => {
    // The date in the dateline is dropped with it, never read as the article's date: that stays the text's own date line.
    expect(lead(text)).toEqual({ outlet: name, how: 'byline', dateline, first, date: '2021-06-26' });
  });
  it('keeps "TEHRAN —" a dateline without an outlet', () => {
    expect(lead('TEHRAN — The president spoke.')).toMatchObject({ outlet: null, dateline: 'TEHRAN', first: 'The president spoke.' });
  });
  it.each([
    ['BEIRUT, LEBANON (10:10 A.M.) – The leader sent a message.', 'BEIRUT, LEBANON', 'The leader sent a message.'],
    ['ERBIL, Kurdistan Region - The president condemned it.', 'ERBIL', 'The president condemned it.'],
    ['TEHRAN -- The prime minister arrived.', 'TEHRAN', 'The prime minister arrived.'],
    ['THERAN -- A misspelt city is still a dateline.', 'THERAN', 'A misspelt city is still a dateline.'],
  ])('reads "%s" as a dateline and names no outlet', (text, dateline, first) => {
    expect(lead(text)).toMatchObject({ outlet: null, dateline, first });
  });
  it.each([
    'Baghdad - The strike killed three.',
    'Iran/Iraq trade grew last year.',
    'Hezbollah (Party of God) - The group said it would fight.',
    'The minister arrived (on Monday) - and left.',
  ])('names no outlet for "%s"', (text) => {
    expect(lead(text)).toMatchObject({ outlet: null, first: text });
  });
  it('reads a wire dateline only at the head of the lead', () => {
    expect(parseArticle('x', 'The lead.\n\nBAGHDAD (Reuters) - Not a dateline here.').outlet).toBeNull();
  });
  it('takes the first publisher the text gives, and a sidecar over all', () => {
    expect(parseArticle('x', 'TEHRAN (MNA) – Shafaq News/ The lead.').outlet?.name).toBe('Mehr News Agency');
    expect(parseArticle('x', 'TEHRAN (MNA) – The lead.', { outlet: 'Mehr News Agency' }).outlet).toEqual({ name: 'Mehr News Agency', how: 'sidecar', source: 'sidecar' });
  });
});

describe('what is not article text', () => {
  it.each([
    '© 2011 FOX News Network, LLC. All rights reserved.',
    'Copyright 2019 The Example Times',
    'from Example Daily https://example.org/news/1234',
    'Photo: AFP / Ahmad Example',
    'Video',
    'transcript',
    '0:00/2:33',
  ])('drops "%s"', (line) => {
    const a = parseArticle('x', `The minister arrived in Baghdad on Monday.\n\n${line}\n\nHe left on Tuesday.`);
    expect(a.paragraphs).toEqual(['The minister arrived in Baghdad on Monday.', 'He left on Tuesday.']);
  });
  it('keeps a sentence that only mentions a photo or a copyright', () => {
    const a = parseArticle('x', 'Photographs of the meeting were released by the ministry on Monday.\n\nThe copyright law was debated.');
    expect(a.paragraphs).toHaveLength(2);
  });
});

describe('sources: outlets the text cites or credits', () => {
  it.each([
    ['The deal was signed on Sunday, Mehr reported.', 'Mehr', 'reported'],
    ['Iran is Iraq’s largest trading partner, the National reported.', 'The National', 'reported'],
    ['He stressed the need to expel US forces, Al Forat news reported.He pointed out more.', 'Al Forat', 'reported'],
    ['Kadhimi will visit Tehran, the state news agency IRNA reported on Monday.', 'IRNA', 'reported'],
    ['The New York Times is reporting that the commander was killed.', 'The New York Times', 'reported'],
    ['According to Indo-Asian News Service, the prime minister thanked Iran.', 'Indo-Asian News Service', 'according-to'],
    ['Officials attended, according to Iran’s official IRNA news agency.', 'IRNA', 'according-to'],
    ['According to the Iranian Mehr News Agency, Kanaani said talks went well.', 'Mehr News Agency', 'according-to'],
    ['The figure was 40, according to the Iraqi News Agency.', 'Iraqi News Agency', 'according-to'],
    ['The vote was close, citing the Tehran Times.', 'The Tehran Times', 'according-to'],
    ['“Iraq faces problems,” MP Nada Jawdat was quoted as saying by Al-Maalouma news agency on Tuesday.', 'Al-Maalouma', 'quoted-by'],
    ['Tasnim quoted Kazemi as saying the talks were useful.', 'Tasnim', 'quoted-by'],
    ['“It is irrevocable,” Fatlawi told Arabic-language al-Maalomah news agency in an exclusive interview on Monday.', 'al-Maalomah', 'interview'],
    ['“We look forward to it,” he said in an exclusive interview with IRNA published on Saturday.', 'IRNA', 'interview'],
    ['“I believe there won’t be any new dialogue,” he said in an interview with Tasnim published on Saturday.', 'Tasnim', 'interview'],
    ['“We will respond,” he told the Associated Press.', 'The Associated Press', 'interview'],
  ])('"%s" cites %s (%s)', (text, name, how) => {
    expect(findSources(text)).toEqual([{ name, how }]);
  });
  it.each([
    'The talks will resume, according to Iraqi Foreign Minister Fuad Hussein.',
    'At least 21 people were killed, according to the police and hospital officials.',
    'According to Iraq local media, al-Kadhimi said he would visit.',
    'According to Iraqi officials, the agreement tightens the border.',
    'Iraq has enriched uranium, according to the International Atomic Energy Agency.',
    'The toll rose to 40, according to the Security Media Cell.',
    'The vote is binding, according to the Guardian Council.',
    'Qassemi told reporters in Tehran on Monday that relations were good.',
    'Qassemi told Zarif that the visit was welcome.',
    'He told Iraqi television on Saturday that the city would fall.',
    'The American Embassy in Baghdad reported on Twitter Saturday that rumors were false.',
    'Iraq reported 500 new cases on Monday.',
    'The strike killed three, Iraqi officials reported.',
    'The attack was reported in Baghdad on Sunday.',
    'Rouhani is reportedly set to visit Iraq.',
  ])('names no source in "%s"', (text) => {
    expect(findSources(text)).toEqual([]);
  });
  it('lists each contributing outlet, once each, in text order', () => {
    const a = parseArticle('x', 'Kadhimi spoke, Tasnim reported.\n\nHe also spoke, according to Reuters.\n\nReuters, Tasnim and staff writers contributed to this report.');
    expect(a.sources).toEqual([
      { name: 'Tasnim', how: 'reported' },
      { name: 'Reuters', how: 'according-to' },
    ]);
    expect(a.credits).toEqual(['Reuters, Tasnim and staff writers contributed to this report.']);
    expect(a.outlet).toBeNull();
  });
  it('reads sources from the body without its byline, and keeps them apart from the publisher', () => {
    const a = parseArticle('x', 'Tehran (IP) - A lawmaker spoke.\n\nIn an interview with Iran Press News, he said more.');
    expect(a.outlet?.name).toBe('Iran Press');
    expect(a.sources).toEqual([{ name: 'Iran Press News', how: 'interview' }]);
  });
});

const CORPUS = join(SHARED, 'corpus');
describe.skipIf(!existsSync(join(CORPUS, 'articles')))('the real articles in ../shared/corpus (skipped: ../shared/corpus is absent)', () => {
  const files = existsSync(join(CORPUS, 'articles')) ? readdirSync(join(CORPUS, 'articles')).filter((f) => f.endsWith('.txt')).sort() : [];
  const parsed = new Map(files.map((f) => [f, parseArticle(f.replace(/\.txt$/, ''), readFileSync(join(CORPUS, 'articles', f), 'utf8'))]));
  const publisher = new Map(
    (existsSync(join(CORPUS, 'sources.tsv')) ? readFileSync(join(CORPUS, 'sources.tsv'), 'utf8') : '')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((row) => row.split('\t'))
      .map(([file, outlet]) => [file, outlet] as const),
  );
  const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\d]/gu, '');
  /** "MNA" names "Mehr News Agency", "Kurdistan 24" names "Kurdistan24", "Shafaq News" names "Shafaq News". */
  const names = (ours: string, theirs: string) => {
    const publisherName = theirs.replace(/\s*\(.*$/, '');
    const initials = publisherName
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
    return letters(publisherName).includes(letters(ours)) || ours === initials;
  };

  it('reads all 64 articles, each listed in sources.tsv', () => {
    expect(files).toHaveLength(64);
    for (const f of files) expect(publisher.has(f), f).toBe(true);
  });
  it('never names a wrong publisher', () => {
    for (const [f, a] of parsed) if (a.outlet) expect(names(a.outlet.name, publisher.get(f) ?? ''), `${f}: ${a.outlet.name} vs ${publisher.get(f)}`).toBe(true);
  });
  it.each([
    ['113_baghdadpost_abdulmahdi_rouhani.txt', null],
    ['119_islamtimes_fadam_us_forces.txt', 'Islam Times'],
    ['120_mehr_kadhimi_raeisi_invitation.txt', 'Mehr News Agency'],
    ['122_iranpress_heydari_kazemi.txt', 'Iran Press'],
    ['123_shafaq_fuad_hussein_tehran.txt', 'Shafaq News'],
    ['127_shafaq_fuad_hussein_raisi.txt', 'Shafaq News'],
    ['129_shafaq_krg_condemns_attacks.txt', 'Shafaq News'],
    ['130_k24_dizayee_condemns.txt', 'Kurdistan24'],
    ['133_tdi_security_pact.txt', 'The Diplomatic Insight'],
    ['206_akhbariya_masrour_barzani_tweet.txt', 'Al-Akhbariya'],
    ['212_urdupoint_sputnik_masjedi_summoned.txt', 'Sputnik'],
    ['215_irna_rashid_alsadegh.txt', 'IRNA'],
    ['226_shafaqna_hakim_commemoration.txt', 'Shafaqna'],
    ['224_almasdar_sadr_keep_conflicts_out.txt', null],
    ['315_tehrantimes_larijani_baghdad.txt', null],
    ['137_islamtimes_askari_saadi.txt', 'Islam Times'],
    ['142_nyt_antigua_suleimani_killed.txt', null],
  ])('%s is published by %s', (f, name) => {
    expect(parsed.get(f)?.outlet?.name ?? null).toBe(name);
  });
  it('strips wire datelines and bylines from the lead', () => {
    for (const a of parsed.values()) expect(a.paragraphs[0], a.id).not.toMatch(/^(?:\S+ ){0,4}\([^)]*\)\s*[-–—:]|^[^.]{0,40}\/\s|^Islam Times/);
    expect(parsed.get('133_tdi_security_pact.txt')).toMatchObject({ dateline: 'Baghdad', date: { iso: '2023-03-20' } });
    expect(parsed.get('120_mehr_kadhimi_raeisi_invitation.txt')).toMatchObject({ dateline: 'TEHRAN', date: { iso: '2021-06-26' } });
  });
  it.each([
    ['113_baghdadpost_abdulmahdi_rouhani.txt', [{ name: 'The National', how: 'reported' }]],
    ['112_fintrib_khairallah_rouhani_visit.txt', [{ name: 'IRNA', how: 'interview' }]],
    ['117_shiitenews_jawdat_fatlawi.txt', [{ name: 'Al-Maalouma', how: 'quoted-by' }]],
    ['118_presstv_fatlawi_resolution.txt', [{ name: 'al-Maalomah', how: 'interview' }]],
    ['119_islamtimes_fadam_us_forces.txt', [{ name: 'Al Forat', how: 'reported' }]],
    ['132_eir_security_pact.txt', [{ name: 'Indo-Asian News Service', how: 'according-to' }]],
    ['139_syriatruths_maliki_fayyadh.txt', [{ name: 'IRNA', how: 'according-to' }]],
    ['102_nyt_iraq_parliament_stormed.txt', []],
    ['120_mehr_kadhimi_raeisi_invitation.txt', []],
    ['133_tdi_security_pact.txt', []],
  ])('%s cites %j', (f, sources) => {
    expect(parsed.get(f)?.sources).toEqual(sources);
  });
});
