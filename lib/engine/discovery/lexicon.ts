/**
 * Word lists for finding names in news English. They describe how news copy
 * names people and organisations in general (titles, the heads of
 * organisation names, given names of the region and the West, places and
 * nationalities that are never people), not any one article.
 */

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/** The head of a title: the word a title ends in ("Deputy Foreign *Minister*", "Maj. *Gen.*"). Compared lower-cased, without a final dot. */
export const TITLE_HEADS = words(`
  president vice-president minister premier secretary secretary-general undersecretary general gen maj lt col brig adm capt sgt
  commander chief chairman chairwoman chairperson speaker spokesman spokeswoman spokesperson ambassador envoy senator sen rep
  governor gov mayor king queen prince princess emir sheikh shaikh ayatollah hojatoleslam hojjatoleslam hujjat hojjat hojat imam
  sayyed seyyed sayyid mr mrs ms dr prof
  mp lawmaker cleric leader justice judge adviser advisor director head pope sultan marshal chancellor negotiator coordinator
  deputy representative attorney prosecutor spokesperson-general martyr prophet caliph
`);

/** Words that may stand inside a title before its head ("Iraqi *Deputy Foreign* Minister"). */
export const TITLE_MODIFIERS = words(`
  deputy vice acting former late supreme national security foreign interior defense defence finance oil trade health
  justice prime chief top senior grand first second special assistant general political military intelligence
  executive regional federal state parliamentary parliament council affairs economic energy culture education
  transport water electricity planning housing labor labour agriculture communications commerce industry
  major lieutenant brigadier air naval navy army police judiciary house senate assembly majority minority
  chairman secretary presidential media public relations international interim caretaker outgoing incoming
  elect president-elect of the for and
`);

/** Lower-case nouns that make a phrase a role when they head it ("a senior *commander* in…", "NRC's Iraq *director*"). */
export const ROLE_NOUNS = words(`
  president vice-president minister premier secretary secretary-general commander chief chairman chairwoman speaker
  spokesman spokeswoman spokesperson ambassador envoy senator governor mayor king prince emir sheikh ayatollah cleric
  leader justice judge adviser advisor director head negotiator coordinator deputy representative member lawmaker mp
  official diplomat general officer founder editor analyst professor researcher candidate president-elect counterpart
  prosecutor attorney executive ceo ruler monarch strongman militant activist politician legislator delegate
  superintendent architect commander-in-chief businessman businesswoman journalist reporter correspondent lawyer
  scholar writer author economist expert commentator secretary-general
`);

/** Titles of respect that say nothing of an office ("Sheikh Akram al-Kaabi", "Mr Hussein"): never a role on their own. */
export const HONORIFICS = words('mr mrs ms dr sheikh shaikh sayyed seyyed sayyid sayed haj hajj hajji mam');

/** Words that make the name after them a religious or historical person even when it is one given name ("Imam Hussein", "Prophet Muhammad"). */
export const RELIGIOUS_TITLES = words('imam prophet caliph saint');

/** Words before a title that belong to the role ("Iraq's *former* Prime Minister"). */
export const ROLE_QUALIFIERS = /(?:^|\s)((?:(?:former|acting|late|outgoing|caretaker|interim|then)\s+)+)$/i;

/** The last word of an organisation's name ("Joint Operations *Command*", "Quds *Force*"). */
export const ORG_HEADS = words(`
  ministry council command forces force units unit service services party alliance coalition government department
  agency brigades brigade corps commission committee assembly office embassy consulate army front movement organization
  organisation bloc bank court union association institute foundation observatory fund group network times news post forum
  guard guards parliament nations resistance directorate authority administration bureau secretariat federation league
  center centre university company corporation television tv channel radio watch international mission militia
  police judiciary senate congress cabinet treasury presidency journal herald gazette tribune telegraph chronicle
`);

/** Lower-case nouns after a capitalised name that make it an organisation ("Asa'ib Ahl al-Haq *group*"). */
export const ORG_NOUNS_AFTER = words(`
  group groups militia militias movement coalition bloc alliance party faction organization organisation agency
  newspaper daily channel television network website broadcaster outlet
`);

/** Nouns after a name that make it a news medium ("IRNA *news agency*", "Al Forat *news*"). */
export const MEDIA_NOUNS = words('news agency newspaper daily channel television tv network website broadcaster outlet');

/** Services a statement is posted on: organisations when capitalised. */
export const PLATFORMS = words('Twitter Facebook Telegram Instagram YouTube WhatsApp TikTok');

/** Given names common in news of the region and of the West: a capitalised pair that starts with one is a person. */
export const GIVEN_NAMES = words(`
  Abbas Abdel Abdelwahab Abdul Abdullah Abdulaziz Abdulrahman Abu Adel Adil Ahmad Ahmed Akbar Ali Amir Ammar Amr Anwar Ashraf
  Ayad Azzam Bahram Bakr Barham Basim Bashar Bilal Dawood Ebrahim Emad Esmail Esmaeil Fadel Fadhil Fadil Faisal Faleh
  Falih Farhad Farid Fawzi Fuad Fouad Ghassan Hadi Haidar Haider Hamid Hamza Hani Hashem Hashim Hassan Hasan Hatem Hayder
  Hisham Hossein Hussain Hussein Husayn Ibrahim Iyad Jaafar Jafar Jalal Jamal Javad Jawad Kamal Karim Kazem Khaled Khalid
  Laith Mahdi Mahmoud Mahmud Majid Masoud Masoum Masrour Mehdi Mohamad Mohamed Mohammad Mohammed Muhammad Mohsen Muqtada
  Moqtada Moktada Mustafa Mostafa Muhsin Nada Nasr Nasser Nazar Nechirvan Nouri Nuri Omar Osama Qais Qasim Qassem Qassim
  Qasem Rafi Rahim Ramin Reza Saad Sabah Saddam Sadiq Saeed Saleh Salih Salim Salman Sami Samir Sardar Sayed Shahriar
  Safeen Sharif Tariq Tareq Usama Walid Yahya Yasser Yasin Younis Yousef Youssef Yusuf Zaid Zainab Zeid Ziad Fatima Maryam
  Masumeh Mona Laila Leila Rania Nadia Huda Sara Sarah Shirin Hamid Kamran Kourosh Cyrus Dariush Majed Nabil Ayman Hezam
  Mukhtar Jassim Jasim Kadhim Kadim Muhannad Haitham Raed Raad Riyad Riad Qubad Ahmet Recep Mevlut Tayyip Vladimir Sergei
  Sergey Dmitry Nikolai Benjamin Naftali Yair Ehud Binyamin Ban Antonio Emmanuel Angela Boris Rishi Keir Theresa Tony
  John Mike Michael Donald Joe Joseph Barack Hillary Kamala Jake Antony Lloyd Mark Jim James Robert Rex William Bill George
  Condoleezza Colin Dick Brett Zalmay Ryan David Daniel Thomas Richard Charles Peter Paul Matthew Andrew Stephen Steven
  Christopher Chris Brian Kenneth Kevin Jason Jeffrey Jeff Gary Eric Nancy Susan Samantha Linda Elizabeth Jennifer Mary
  Patricia Barbara Margaret Nikki Marco Lindsey Mitch Chuck Ted Tom Jack Henry Edward Frank Scott Josep Federica Catherine
  Ursula Jens Olaf Justin Xi Ashton Leon Chuck Ned Heather Morgan Jen Karine Hassan Rouhollah Ruhollah Ali-Akbar Alaa
  Haidar Hadi Wafiq Fuat Ismail Ismael Mohsin Rasoul Rasul Zeinab Zaynab Mojtaba Mujtaba Manar Baqer Baqir Bagher
`);

/** Countries, cities, regions and their adjectives: a chain made only of these names a place, not a person or organisation. */
export const PLACE_WORDS = words(`
  Iran Iraq Syria Lebanon Israel Palestine Jordan Turkey Russia China France Germany Britain England Egypt Yemen Bahrain
  Kuwait Qatar Oman Pakistan Afghanistan India Japan Korea America Europe Asia Africa Ukraine Italy Spain Canada Australia
  Norway Sweden Switzerland Austria Belgium Netherlands Greece Cyprus Libya Tunisia Algeria Morocco Sudan Somalia Ethiopia
  Azerbaijan Armenia Georgia Turkmenistan Tajikistan Uzbekistan Kazakhstan Venezuela Cuba Brazil Mexico Emirates UAE UK
  US USA U.S. U.K. U.S.A. U.N. EU Saudi Arabia Arab Gulf Persian Western Eastern
  Tehran Baghdad Damascus Beirut Amman Ankara Istanbul Moscow Washington London Paris Berlin Riyadh Doha Dhabi Dubai
  Cairo Jerusalem Mosul Basra Basrah Erbil Arbil Kirkuk Najaf Karbala Fallujah Falluja Ramadi Tikrit Samarra Sulaimaniyah
  Sulaymaniyah Duhok Dohuk Anbar Nineveh Diyala Salahuddin Babylon Kurdistan Kurdish Kurds Qom Mashhad Isfahan Tabriz Shiraz
  Ahvaz Khuzestan Kermanshah Aleppo Raqqa Raqa Idlib Homs Deir Ezzor Oslo Geneva Vienna Brussels Lausanne Muscat Sanaa
  Iranian Iraqi Syrian Lebanese Israeli Palestinian Jordanian Turkish Russian Chinese French German British English
  Egyptian Yemeni Bahraini Kuwaiti Qatari Omani Pakistani Afghan Indian Japanese Korean American European Asian African
  Ukrainian Italian Spanish Canadian Australian Norwegian Swedish Swiss Saudi Emirati Persian Arabic Kurdish Shiite
  Shi'ite Sunni Muslim Christian Jewish Yazidi Turkmen Assyrian Arabian Iran-backed US-led U.S.-led Iranian-backed
  Northern Southern Kadhimiya Heet Hermon Azaz Marea Afrin Moqdadiyah Antigua
  Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois Indiana Iowa
  Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada
  Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Wisconsin Wyoming
  Americans Iranians Iraqis Israelis Syrians Saudis Turks Russians Europeans Westerners Arabs Persians Palestinians
  Lebanese Shiites Sunnis Muslims Christians Jews Yazidis Emiratis Qataris Kuwaitis Bahrainis Yemenis Afghans
`);

/** Places of more than one word: a chain that is one of these is a place. */
export const PLACE_PHRASES = new Set([
  'United States', 'United Kingdom', 'United Arab Emirates', 'Middle East', 'Abu Dhabi', 'Sadr City', 'Green Zone',
  'Dominican Republic', 'Deir Ezzor', 'Persian Gulf', 'New York', 'South Korea', 'North Korea', 'Saudi Arabia',
  'Gaza Strip', 'West Bank', 'Kurdistan Region', 'Islamic Republic', 'Arab World',
  // American states of two words, and the rooms and planes where American officials speak.
  'New Jersey', 'New Mexico', 'New Hampshire', 'North Carolina', 'South Carolina', 'North Dakota', 'South Dakota',
  'West Virginia', 'Rhode Island', 'Oval Office', 'Air Force One', 'Capitol Hill',
]);

/** "Iran's Foreign Ministry" is the Iranian Foreign Ministry: the adjective a country's generic body is named with. */
export const DEMONYMS: Record<string, string> = {
  Iran: 'Iranian', Iraq: 'Iraqi', Israel: 'Israeli', Syria: 'Syrian', Turkey: 'Turkish', Russia: 'Russian',
  Lebanon: 'Lebanese', Egypt: 'Egyptian', Jordan: 'Jordanian', Kuwait: 'Kuwaiti', Qatar: 'Qatari', China: 'Chinese',
  France: 'French', Germany: 'German', Britain: 'British', America: 'American', Yemen: 'Yemeni', Bahrain: 'Bahraini',
  Pakistan: 'Pakistani', Afghanistan: 'Afghan', Kurdistan: 'Kurdistan', 'U.S.': 'U.S.', US: 'US', 'U.N.': 'U.N.',
};

/** Words that open sentences or clauses, days and months: never part of a name. */
export const NON_NAME_WORDS = words(`
  The A An In On At For But And Or If As It Its He She His Her They Their We Our Us I You This That These Those There Here
  However Meanwhile According Earlier Later Following Speaking Addressing During After Before Upon Under While When Where
  Why How What Who Whom Whose Which Both All Some Many Most Several Other Others Another Each Every No Not Nor Yet So Also
  Since Until Despite Although Though Because Amid Among Between Within Without Against Toward Towards Into Onto From To
  With By Of About Above Below Over Near Such Only Even Just Still Now Then Today Yesterday Tomorrow Tonight Last Next
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
  October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Let Read Related More Photo Meanwhile
  Reporting Editing Writing Additional Source Sources Update Updated Breaking Exclusive Analysis Opinion Editorial
  Statement Interview Video Watch Click Please Note Yes Thanks Thank God Allah Indeed Furthermore Moreover Therefore Thus
  Instead Otherwise Overall Finally Firstly Secondly Unlike Like Once Whether Either Neither Nevertheless Nonetheless
  Spring Summer Autumn Winter Ramadan Eid Nowruz Muharram Ashura Arbaeen Christmas Easter
`);

/** Words that name events, documents and places of a story rather than people ("the Vietnam *War*", "Sadr *City*"). */
export const THING_WORDS = words(`
  war revolution agreement deal accord treaty resolution act law constitution conference summit forum talks initiative
  plan program programme operation operations city district airport square street bridge palace hotel hospital camp
  base mountains river region province governorate zone building compound mosque shrine election elections day week
  oil gas petrochemical petrochemicals electricity
  year month crisis protest protests uprising campaign strike attack attacks offensive pandemic virus talks state
  republic kingdom emirate hall prayer stadium museum school library prison port station tower complex park garden gate
  center centre square avenue road highway island bay sea lake valley
`);

/** Lines of credit, not names of the story: "Reporting by …", "Editing by …". */
export const BYLINE_LEAD = /\b(?:(?:additional\s+)?reporting|editing|writing|compiled|translated|photos?|photography|video|graphics?)\s+by\s*$/i;

/** Speech and statement verbs that make the name before them a speaker (and so a person or organisation). */
export const SPEECH_VERBS = words(`
  said says told tells added adds stated noted remarked stressed emphasized emphasised warned insisted argued announced
  declared confirmed urged asserted explained affirmed underlined underscored reiterated tweeted wrote claimed denied
  denounced condemned rejected accused expressed highlighted praised welcomed called urges hailed responded replied
  pointed continued concluded believes opined
`);
