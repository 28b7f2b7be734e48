/**
 * Bare surnames in Persian and Arabic script, on short texts written for the
 * purpose: found as the Latin ones are ("Zarif said" / "ظریف گفت" after a
 * full mention), and not where the word is an everyday one and nobody is
 * named in full. Letter variants (ی/ي, ک/ك, ه/ة) fold as everywhere.
 */
import { describe, expect, it } from 'vitest';
import { seedCorpus } from '../../tests/seeds';
import { compileNameTable, findMentions } from './matcher';
import { isEverydayWord, scriptSurnames } from './script-surnames';

const table = seedCorpus().table;
const names = (text: string) => findMentions(text, table).map((m) => `${m.text}=${table.entities[m.entity].name}`);

describe('surnames in Persian', () => {
  it('finds the bare surname after the full name, as in English', () => {
    expect(names('Mohammad Javad Zarif arrived in Baghdad on Monday. Zarif said relations were good.')).toEqual([
      'Mohammad Javad Zarif=Mohammad Javad Zarif',
      'Zarif=Mohammad Javad Zarif',
    ]);
    expect(names('محمد جواد ظریف روز دوشنبه وارد بغداد شد. ظریف گفت روابط دو کشور در بهترین وضع است.')).toEqual([
      'محمد جواد ظریف=Mohammad Javad Zarif',
      'ظریف=Mohammad Javad Zarif',
    ]);
    expect(names('حسن روحانی رئیس جمهور ایران است. روحانی گفت که سفر موفق بود.')).toEqual(['حسن روحانی=Hassan Rouhani', 'روحانی=Hassan Rouhani']);
  });
  it('folds a Persian text typed with Arabic ي and ك', () => {
    expect(names('محمد جواد ظريف به بغداد رفت و ظريف با همتای عراقی‌اش ديدار كرد.')).toEqual(['محمد جواد ظريف=Mohammad Javad Zarif', 'ظريف=Mohammad Javad Zarif']);
  });
  it('trap: the everyday word, with no one named in full, is no one', () => {
    // ظریف "delicate", روحانی "a cleric": words any Persian page may use.
    expect(names('این گلدان بسیار ظریف است و طرحی ظریف دارد.')).toEqual([]);
    expect(names('یک روحانی جوان در مسجد محله سخنرانی کرد.')).toEqual([]);
  });
  it('a surname that names one person only counts alone, as Qassemi does in English', () => {
    expect(names('Qassemi said the talks went well.')).toEqual(['Qassemi=Bahram Qassemi']);
    expect(names('قاسمی گفت که گفتگوها خوب بود.')).toEqual(['قاسمی=Bahram Qassemi']);
  });
  it('a surname two people share goes to the one named nearest before it', () => {
    expect(names('مصطفی کاظمی به تهران رفت. کاظمی گفت.')).toEqual(['مصطفی کاظمی=Mustafa al-Kadhimi', 'کاظمی=Mustafa al-Kadhimi']);
    expect(names('حسن کاظمی قمی سفیر پیشین است. کاظمی افزود.')).toEqual(['حسن کاظمی قمی=Hassan Kazemi Qomi', 'کاظمی=Hassan Kazemi Qomi']);
    expect(names('مصطفی کاظمی و حسن کاظمی قمی دیدار کردند. کاظمی گفت.')).toEqual([
      'مصطفی کاظمی=Mustafa al-Kadhimi',
      'حسن کاظمی قمی=Hassan Kazemi Qomi',
      'کاظمی=Hassan Kazemi Qomi',
    ]);
  });
  it('after a title the everyday word is the name, whoever else the page names', () => {
    expect(names('وزیر خارجه ظریف گفت.')).toEqual(['ظریف=Mohammad Javad Zarif']);
  });
});

describe('surnames in Arabic', () => {
  it('finds the bare surname after the full name', () => {
    expect(names('وصل وزير الخارجية الإيراني محمد جواد ظريف إلى بغداد. وقال ظريف إن العلاقات ممتازة.')).toEqual([
      'محمد جواد ظريف=Mohammad Javad Zarif',
      'ظريف=Mohammad Javad Zarif',
    ]);
    expect(names('دعا مقتدى الصدر أنصاره إلى التظاهر. وقال الصدر في تغريدة إن الإصلاح قادم.')).toEqual(['مقتدى الصدر=Muqtada al-Sadr', 'الصدر=Muqtada al-Sadr']);
    // Allawi names one man, in Arabic as in English.
    expect(names('قال علاوي إن الانتخابات مهمة.')).toEqual(['علاوي=Iyad Allawi']);
  });
  it('trap: the chest, the engineer and the Wise are no one when nobody is named in full', () => {
    expect(names('قال الطبيب إن الألم في الصدر خفيف.')).toEqual([]);
    expect(names('قال المهندس المسؤول عن المشروع إن العمل انتهى.')).toEqual([]);
    expect(names('إن الله هو العزيز الحكيم.')).toEqual([]);
    // The Latin forms of the same surnames are weak too.
    expect(names('Sadr said. Hakim said.')).toEqual([]);
  });
  it('gives a shared surname to the nearest full mention: Ammar al-Hakim or Mohamed Ali Alhakim', () => {
    expect(names('التقى عمار الحكيم السفير. وقال الحكيم إن اللقاء مثمر.')).toEqual(['عمار الحكيم=Ammar al-Hakim', 'الحكيم=Ammar al-Hakim']);
    expect(names('قال وزير الخارجية محمد علي الحكيم إن العراق محايد. وأضاف الحكيم أن بغداد ترفض المحاور.')).toEqual([
      'محمد علي الحكيم=Mohamed Ali Alhakim',
      'الحكيم=Mohamed Ali Alhakim',
    ]);
  });
});

describe('which surnames, and how strong', () => {
  it('follows the Latin surname: strong where it is, weak where it is weak or an everyday word; nothing for organisations', () => {
    const entity = (id: string) => {
      const e = seedCorpus().entities.find((x) => x.id === id);
      if (!e) throw new Error(id);
      return e;
    };
    expect(scriptSurnames(entity('bahram-qassemi'))).toEqual({ strong: ['قاسمی'], weak: [] });
    expect(scriptSurnames(entity('muqtada-al-sadr'))).toEqual({ strong: [], weak: ['الصدر'] });
    expect(scriptSurnames(entity('mohammad-javad-zarif')).weak).toContain('ظريف');
    expect(scriptSurnames(entity('mohammad-javad-zarif')).strong).toEqual([]);
    expect(scriptSurnames(entity('popular-mobilization-forces'))).toEqual({ strong: [], weak: [] });
    // Listed already (Kadhimi's الكاظمي, Soleimani's سلیمانی): entities.json decides, nothing is added.
    expect(scriptSurnames(entity('qassem-soleimani'))).toEqual({ strong: [], weak: [] });
    expect(['ظریف', 'ظريف', 'روحانی', 'الصدر', 'المهندس'].every(isEverydayWord)).toBe(true);
    expect(isEverydayWord('قاسمی')).toBe(false);
  });
  it('never lists an everyday word in entities.json as a name on its own', () => {
    const listed = seedCorpus().entities.flatMap((e) => e.aliases.filter((a) => !a.includes(' ') && isEverydayWord(a)).map((a) => `${e.id}: ${a}`));
    expect(listed).toEqual([]);
  });
  it('a surname two people share strongly is weak for both', () => {
    const t = compileNameTable([
      { id: 'a', name: 'Ali Rezaei', type: 'person', aliases: ['Ali Rezaei', 'Rezaei', 'علی رضایی'], weakAliases: [] },
      { id: 'b', name: 'Mohsen Rezaei', type: 'person', aliases: ['Mohsen Rezaei', 'Rezaei', 'محسن رضایی'], weakAliases: [] },
    ]);
    expect(findMentions('رضایی گفت.', t)).toEqual([]);
    expect(findMentions('محسن رضایی آمد. رضایی گفت.', t).map((m) => m.entity)).toEqual(['b', 'b']);
  });
});
