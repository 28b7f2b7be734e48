import { describe, expect, it } from 'vitest';
import { seedCorpus } from '../../tests/seeds';
import { findMentions } from './matcher';
import { foldToken } from './normalize';

const table = seedCorpus().table;
const names = (text: string) => findMentions(text, table).map((m) => `${m.text}=${table.entities[m.entity].name}`);

describe('names in Arabic and Persian script', () => {
  it('folds the letters the two orthographies write differently', () => {
    expect(foldToken('کاظمی')).toBe(foldToken('كاظمي'));
    expect(foldToken('روحانی')).toBe(foldToken('روحاني'));
    expect(foldToken('أحمد')).toBe(foldToken('احمد'));
    expect(foldToken('إيران')).toBe(foldToken('ايران'));
    expect(foldToken('مدرسة')).toBe(foldToken('مدرسه'));
    expect(foldToken('الكـــاظمي')).toBe(foldToken('الكاظمي'));
    expect(foldToken('ظَرِيف')).toBe(foldToken('ظريف'));
    expect(foldToken('خامنه\u200cای')).toBe(foldToken('خامنهای'));
  });
  it('finds the same people on an Arabic page', () => {
    const text = 'استقبل الرئيس حسن روحاني رئيس الوزراء العراقي مصطفى الكاظمي في طهران، وقال وزير الخارجية ظريف إن بومبيو مخطئ. وأشاد بدور الحشد الشعبي وقاسم سليماني.';
    expect(names(text)).toEqual([
      'حسن روحاني=Hassan Rouhani',
      'مصطفى الكاظمي=Mustafa al-Kadhimi',
      'ظريف=Mohammad Javad Zarif',
      'بومبيو=Mike Pompeo',
      'الحشد الشعبي=Popular Mobilization Forces',
      // "وقاسم" carries the conjunction و, so the surname alone is what names him here.
      'سليماني=Qassem Soleimani',
    ]);
  });
  it('finds them on a Persian page, with Persian letters, tatweel and harakat', () => {
    const text = 'محمدجواد ظریف و حسن روحانی با الکاظمی دیدار کردند؛ سردار سلیمانی نیز حضور داشت. روحـــانی گفت.';
    expect(names(text)).toEqual([
      'محمدجواد ظریف=Mohammad Javad Zarif',
      'حسن روحانی=Hassan Rouhani',
      'الکاظمی=Mustafa al-Kadhimi',
      'سلیمانی=Qassem Soleimani',
      'روحـــانی=Hassan Rouhani',
    ]);
  });
  it('a name that is also a common word counts only beside a first name or title', () => {
    expect(names('این گل بسیار ظریف است.')).toEqual([]);
    expect(names('وزیر خارجه ظریف گفت.')).toEqual(['ظریف=Mohammad Javad Zarif']);
  });
  it('does not find a name inside a longer Arabic word', () => {
    expect(names('الروحانيون في المدينة')).toEqual([]);
  });
});
