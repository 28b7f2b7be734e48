/**
 * Names every news desk covering Iran and Iraq knows without being told:
 * wire services and broadcasters, the region's agencies and papers, and the
 * few organisations that go by one word. They are world knowledge, not facts
 * of any one article, and they decide only what kind a name is (a news
 * outlet, an organisation) and a publisher's full name; the text still has
 * to name them.
 */

/** News outlets, as news copy writes them, with the full name an acronym stands for. */
const OUTLETS: Record<string, string> = {
  Reuters: 'Reuters',
  AP: 'Associated Press',
  'Associated Press': 'Associated Press',
  AFP: 'Agence France-Presse',
  'Agence France-Presse': 'Agence France-Presse',
  Bloomberg: 'Bloomberg',
  UPI: 'United Press International',
  Xinhua: 'Xinhua',
  dpa: 'dpa',
  EFE: 'EFE',
  ANSA: 'ANSA',
  Kyodo: 'Kyodo',
  Yonhap: 'Yonhap',
  TASS: 'TASS',
  Interfax: 'Interfax',
  Sputnik: 'Sputnik',
  'RIA Novosti': 'RIA Novosti',
  Anadolu: 'Anadolu Agency',
  'Anadolu Agency': 'Anadolu Agency',
  IRNA: 'IRNA',
  ISNA: 'ISNA',
  ILNA: 'ILNA',
  IQNA: 'IQNA',
  Tasnim: 'Tasnim News Agency',
  'Tasnim News Agency': 'Tasnim News Agency',
  Fars: 'Fars News Agency',
  'Fars News Agency': 'Fars News Agency',
  FNA: 'Fars News Agency',
  Mehr: 'Mehr News Agency',
  'Mehr News Agency': 'Mehr News Agency',
  MNA: 'Mehr News Agency',
  IRIB: 'IRIB',
  'Press TV': 'Press TV',
  PressTV: 'Press TV',
  'Iran Press': 'Iran Press',
  IP: 'Iran Press',
  Kayhan: 'Kayhan',
  'Tehran Times': 'Tehran Times',
  'Iran International': 'Iran International',
  INA: 'Iraqi News Agency',
  'Iraqi News Agency': 'Iraqi News Agency',
  'Shafaq News': 'Shafaq News',
  Shafaqna: 'Shafaqna',
  SHAFAQNA: 'Shafaqna',
  Rudaw: 'Rudaw',
  Kurdistan24: 'Kurdistan24',
  'Kurdistan 24': 'Kurdistan24',
  'Al Sumaria': 'Al Sumaria',
  'Al Iraqiya': 'Al Iraqiya',
  KUNA: 'KUNA',
  WAM: 'WAM',
  SPA: 'Saudi Press Agency',
  QNA: 'Qatar News Agency',
  MENA: 'MENA',
  PTI: 'PTI',
  IANS: 'IANS',
  CNN: 'CNN',
  BBC: 'BBC',
  NPR: 'NPR',
  CBS: 'CBS',
  NBC: 'NBC',
  ABC: 'ABC',
  'Fox News': 'Fox News',
  'Al Jazeera': 'Al Jazeera',
  'Al-Jazeera': 'Al Jazeera',
  'Al Arabiya': 'Al Arabiya',
  'Al-Arabiya': 'Al Arabiya',
  'Al Mayadeen': 'Al Mayadeen',
  'Al-Mayadeen': 'Al Mayadeen',
  'Al-Manar': 'Al-Manar',
  'Al Manar': 'Al-Manar',
  'Al-Monitor': 'Al-Monitor',
  'Asharq Al-Awsat': 'Asharq Al-Awsat',
  'Arab News': 'Arab News',
  'The National': 'The National',
  'The New Arab': 'The New Arab',
  'Middle East Eye': 'Middle East Eye',
  'Middle East Monitor': 'Middle East Monitor',
  'The Cradle': 'The Cradle',
  'Al-Masdar News': 'Al-Masdar News',
  'Sky News': 'Sky News',
  'Business Insider': 'Business Insider',
  'The New York Times': 'The New York Times',
  'New York Times': 'The New York Times',
  'The Washington Post': 'The Washington Post',
  'Washington Post': 'The Washington Post',
  'The Wall Street Journal': 'The Wall Street Journal',
  'Wall Street Journal': 'The Wall Street Journal',
  'The Guardian': 'The Guardian',
  TDI: 'The Diplomatic Insight',
};

/** Organisations news copy names by one word or a bare acronym, with nothing beside them to say what they are. */
const ORGANISATIONS = new Set([
  'Pentagon',
  'Hamas',
  'Hezbollah',
  'Hizbollah',
  'Taliban',
  'NATO',
  'OPEC',
  'ISIS',
  'ISIL',
  'Daesh',
  'al-Qaeda',
  'Al-Qaeda',
  'Mossad',
  'CIA',
  'FBI',
  'Kremlin',
  'Knesset',
  'Majlis',
  'IAEA',
  'UNAMI',
  'IRGC',
  'PMF',
  'PMU',
  'KDP',
  'PUK',
  'PKK',
  'PJAK',
  'KRG',
  'UNICEF',
  'UNHCR',
]);

/** Whether a name, as the text writes it, is a news outlet every desk knows. */
export function isKnownOutlet(name: string): boolean {
  return Object.hasOwn(OUTLETS, name);
}

/** An outlet's full name ("MNA" → "Mehr News Agency"), or the name itself when it is no known acronym. */
export function outletFullName(name: string): string {
  return Object.hasOwn(OUTLETS, name) ? OUTLETS[name] : name;
}

/** Whether a name is an organisation news copy names without saying what it is ("the Pentagon", "Hamas"). */
export function isKnownOrganisation(name: string): boolean {
  return ORGANISATIONS.has(name);
}

/** Every outlet name news copy uses for a known outlet. */
export const KNOWN_OUTLET_NAMES: readonly string[] = Object.keys(OUTLETS);
