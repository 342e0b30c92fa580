// A small cross-lingual lexicon of the domain: countries and nationalities, big cities whose names differ
// by language, the vocabulary of collaboration news (agreement, hospital, university, research …) and
// months. With no multilingual model (the hash embedder), it is what lets "Chinese institutions" meet
// "китайских университетов" and "agreement" meet "समझौता". Each word maps to a concept term "#id" indexed
// beside the word itself. Forms are matched on folded words; a trailing * makes a form a prefix.
// `generic` concepts (institution types, "agreement") never count as the named subject of a question.
// Source: written for this project from general bilingual dictionaries (Wiktionary translations of each
// headword in en/ru/hi/bn) and the standard exonyms of countries and cities; entries are the vocabulary of
// collaboration news in general, never a seed article's names or phrases. Widened on dev.jsonl + dev-2.jsonl
// (2026-12). Its contents are hashed into ANALYZER_VERSION, so an edit rebuilds the lexical index.
import { foldText } from './fold.ts';
import { MONTHS } from './calendar.ts';

interface ConceptDef {
  id: string;
  generic: boolean;
  forms: string;
}

// Bengali months take case endings (নভেম্বরে, সেপ্টেম্বরের): their longer forms match as prefixes.
const MONTH_CONCEPTS: ConceptDef[] = MONTHS.en.map((_, i) => ({
  id: `m${String(i + 1).padStart(2, '0')}`,
  generic: true,
  forms: Object.entries(MONTHS)
    .flatMap(([language, rows]) => rows[i]!.map((form) => (language === 'bn' && form.length >= 4 ? `${form}*` : form)))
    .join(' '),
}));

const CONCEPTS: ConceptDef[] = [
  // Countries, nationalities, regions
  { id: 'china', generic: false, forms: 'china chinese sino* китай* кита* кнр चीन* চীন* চিন চিনা' },
  { id: 'russia', generic: false, forms: 'russia* russian* росси* российск* русск* рф रूस* রাশিয়া* রুশ' },
  { id: 'india', generic: false, forms: 'india indian* индия индии индию индией индийск* भारत* हिंदुस्तान ভারত*' },
  { id: 'hongkong', generic: false, forms: 'hongkong гонконг* हांगकांग हॉन्गकॉन्ग হংকং' },
  { id: 'japan', generic: false, forms: 'japan* япони* японск* जापान* জাপান*' },
  { id: 'usa', generic: false, forms: 'usa america* сша америк* अमेरिका* अमरीका* আমেরিকা* মার্কিন' },
  {
    id: 'uk',
    generic: false,
    forms: 'britain british england english великобритани* британ* англи* ब्रिटेन ब्रिटिश इंग्लैंड ব্রিটেন ব্রিটিশ ইংল্যান্ড',
  },
  { id: 'germany', generic: false, forms: 'germany german* германи* немец* немецк* जर्मनी জার্মানি*' },
  { id: 'france', generic: false, forms: 'france french франци* французск* फ्रांस* ফ্রান্স*' },
  { id: 'korea', generic: false, forms: 'korea* коре* корейск* कोरिया* কোরিয়া*' },
  { id: 'bangladesh', generic: false, forms: 'bangladesh* бангладеш* बांग्लादेश* বাংলাদেশ*' },
  { id: 'nepal', generic: false, forms: 'nepal* непал* नेपाल* নেপাল*' },
  { id: 'australia', generic: false, forms: 'australia* австрали* ऑस्ट्रेलिया* অস্ট্রেলিয়া*' },
  { id: 'canada', generic: false, forms: 'canada canadian* канад* कनाडा* কানাডা*' },
  { id: 'singapore', generic: false, forms: 'singapore* сингапур* सिंगापुर* সিঙ্গাপুর*' },
  { id: 'kazakhstan', generic: false, forms: 'kazakh* казах* कज़ाख़* कजाख* কাজাখ*' },
  { id: 'uzbekistan', generic: false, forms: 'uzbek* узбек* उज़्बेक* उजबेक* উজবেক*' },
  { id: 'belarus', generic: false, forms: 'belarus* беларус* белорус* बेलारूस* বেলারুশ*' },
  { id: 'westbengal', generic: false, forms: 'bengal* бенгал* बंगाल* বঙ্গ বাংলা পশ্চিমবঙ্গ*' },
  { id: 'uttarpradesh', generic: false, forms: 'uttar уттар-прадеш* उत्तर उत्तरप्रदेश यूपी উত্তরপ্রদেশ*' },
  // Cities whose names are not transcriptions of each other
  { id: 'moscow', generic: false, forms: 'moscow москв* मास्को मॉस्को মস্কো' },
  { id: 'petersburg', generic: false, forms: 'petersburg петербург* पीटर्सबर्ग পিটার্সবার্গ' },
  { id: 'beijing', generic: false, forms: 'beijing peking пекин* बीजिंग বেইজিং' },
  { id: 'kolkata', generic: false, forms: 'kolkata calcutta калькутт* कलकत्ता कोलकाता কলকাতা*' },
  { id: 'mumbai', generic: false, forms: 'mumbai bombay мумба* бомбе* मुंबई मुम्बई बंबई बॉम्बे बाम्बे বোম্বে বম্বে মুম্বই মুম্বাই' },
  { id: 'delhi', generic: false, forms: 'delhi дели दिल्ली দিল্লি দিল্লী' },
  { id: 'lucknow', generic: false, forms: 'lucknow лакхнау लखनऊ লখনউ লখনৌ' },
  { id: 'chennai', generic: false, forms: 'chennai madras ченна* мадрас* चेन्नई মাদ্রাজ চেন্নাই' },
  // Collaboration vocabulary
  {
    id: 'agreement',
    generic: true,
    forms:
      'mou mous memorandum* memoranda agreement* accord* pact* treaty соглашени* меморандум* договор* договорил* договорён* договорен* коммюнике communique* समझौत* करार* ज्ञापन एमओयू সমঝোতা* চুক্তি* মউ স্মারক*',
  },
  {
    id: 'collaboration',
    generic: true,
    forms:
      'collaborat* cooperat* co-operat* partner* alliance* tie-up* сотрудничеств* партнерств* партнёрств* взаимодейств* सहयोग* साझेदार* भागीदार* সহযোগিতা* সহযোগী* অংশীদার* যৌথ',
  },
  {
    id: 'sign',
    generic: true,
    forms: 'sign signed signing signs signatory подписал* подписан* подписыва* подпис* हस्ताक्षर* স্বাক্ষর* সই',
  },
  {
    id: 'hospital',
    generic: true,
    forms: 'hospital* clinic* больниц* клиник* госпитал* अस्पताल* चिकित्सालय* হাসপাতাল* ক্লিনিক*',
  },
  {
    id: 'university',
    generic: true,
    forms: 'university universities univ вуз* университет* медвуз* विश्वविद्यालय* यूनिवर्सिटी বিশ্ববিদ্যালয়* ইউনিভার্সিটি*',
  },
  { id: 'institute', generic: true, forms: 'institut* институт* संस्थान* संस्था इंस्टीट्यूट প্রতিষ্ঠান* ইনস্টিটিউট* সংস্থা*' },
  { id: 'college', generic: true, forms: 'college* колледж* कॉलेज* महाविद्यालय* কলেজ* মহাবিদ্যালয়*' },
  { id: 'school', generic: true, forms: 'school* школ* स्कूल* विद्यालय* স্কুল* বিদ্যালয়*' },
  { id: 'centre', generic: true, forms: 'centre* center* центр* केंद्र* केन्द्र* সেন্টার* কেন্দ্র*' },
  {
    id: 'association',
    generic: true,
    forms: 'association* consortium* ассоциаци* консорциум* संघ एसोसिएशन সংঘ অ্যাসোসিয়েশন*',
  },
  { id: 'council', generic: true, forms: 'council* совет* परिषद* কাউন্সিল* পরিষদ*' },
  {
    id: 'medicine',
    generic: true,
    forms: 'medic* медицин* медик* चिकित्सा* मेडिकल चिकित्सकीय চিকিৎসা* মেডিক্যাল* মেডিকেল*',
  },
  { id: 'health', generic: true, forms: 'health* healthcare здравоохранени* здоров* स्वास्थ्य* হেলথ* স্বাস্থ্য*' },
  {
    id: 'cancer',
    generic: true,
    forms: 'cancer* oncolog* tumour* tumor* рак онколог* опухол* कैंसर* ऑन्कोलॉजी* अर्बुद ক্যানসার* ক্যান্সার* অঙ্কোলজি* কর্কট*',
  },
  { id: 'research', generic: true, forms: 'research* исследова* научн* अनुसंधान* शोध* रिसर्च গবেষণা* রিসার্চ*' },
  {
    id: 'education',
    generic: true,
    forms: 'educat* teaching academic* образовани* обучени* образовательн* शिक्षा* शिक्षण* শিক্ষা*',
  },
  {
    id: 'training',
    generic: true,
    forms:
      'train* skill* course* тренинг* подготовк* курс* навык* обучат* обучаю* प्रशिक्षण* कौशल* कोर्स* स्किल* ट्रेनिंग* পাঠ্যক্রম* প্রশিক্ষণ* প্রশিক্ষিত* দক্ষতা* কোর্স* স্কিল* ট্রেনিং*',
  },
  { id: 'student', generic: true, forms: 'student* pupil* студент* учащ* छात्र* विद्यार्थी* শিক্ষার্থী* ছাত্র* পড়ুয়া*' },
  { id: 'doctor', generic: true, forms: 'doctor* physician* врач* доктор* डॉक्टर* चिकित्सक* ডাক্তার* চিকিৎসক*' },
  { id: 'director', generic: true, forms: 'director* директор* руководител* निदेशक* डायरेक्टर ডিরেক্টর* অধিকর্তা*' },
  { id: 'rector', generic: true, forms: 'rector* vice-chancellor chancellor* ректор* कुलपति* উপাচার্য*' },
  {
    id: 'president',
    generic: true,
    forms:
      'president* chairman* chair co-chair* председател* сопредседател* президент* अध्यक्ष* प्रेसिडेंट সভাপতি* প্রেসিডেন্ট*',
  },
  { id: 'professor', generic: true, forms: 'professor* prof профессор* प्रोफेसर* प्रो প্রফেসর* অধ্যাপক*' },
  // Job titles: capitalized in English ("Medical Superintendent"), they are roles, not parties.
  {
    id: 'superintendent',
    generic: true,
    forms: 'superintendent* суперинтендант* главврач* अधीक्षक* सुपरिंटेंडेंट* সুপারিনটেনডেন্ট* সুপার অধীক্ষক*',
  },
  {
    id: 'executive',
    generic: true,
    forms: 'executive* ceo исполнительн* कार्यकारी* एग्जीक्यूटिव* एक्जीक्यूटिव* এগজিকিউটিভ* এক্সিকিউটিভ* কার্যনির্বাহী* নির্বাহী*',
  },
  {
    id: 'officer',
    generic: true,
    forms: 'officer* official* офицер* чиновник* अधिकारी* ऑफिसर* আধিকারিক* অফিসার* কর্মকর্তা*',
  },
  { id: 'registrar', generic: true, forms: 'registrar* регистратор* रजिस्ट्रार* कुलसचिव* রেজিস্ট্রার* নিবন্ধক*' },
  { id: 'dean', generic: true, forms: 'dean deans декан* डीन ডিন' },
  { id: 'secretary', generic: true, forms: 'secretary secretaries секретар* सचिव* সচিব*' },
  { id: 'minister', generic: true, forms: 'minister* министр* मंत्री* मन्त्री* মন্ত্রী*' },
  { id: 'time', generic: true, forms: 'time время समय* সময়*' },
  { id: 'technology', generic: true, forms: 'technolog* технолог* प्रौद्योगिकी* तकनीक* टेक्नोलॉजी* প্রযুক্তি* টেকনোলজি*' },
  {
    id: 'advanced',
    generic: true,
    forms: 'advanced state-of-the-art cutting-edge передов* продвинут* उन्नत अत्याधुनिक* উন্নত অত্যাধুনিক*',
  },
  { id: 'science', generic: true, forms: 'scien* наук* научн* विज्ञान* বিজ্ঞান*' },
  { id: 'digital', generic: true, forms: 'digital* цифров* डिजिटल* ডিজিটাল*' },
  {
    id: 'ai',
    generic: true,
    // "Artificial" alone is not AI (artificial limbs, कृत्रिम अंग, কৃত্রিম অঙ্গ): the intelligence word says it.
    forms: 'ai intelligence интеллект* ии बुद्धिमत्ता এআই বুদ্ধিমত্তা*',
  },
  { id: 'vaccine', generic: true, forms: 'vaccin* вакцин* वैक्सीन* टीक* ভ্যাকসিন* টিকা*' },
  { id: 'patient', generic: true, forms: 'patient* пациент* मरीज* रोगी* রোগী*' },
  { id: 'treatment', generic: true, forms: 'treatment* therap* лечени* терапи* उपचार* इलाज* চিকিৎসা*' },
  { id: 'grant', generic: true, forms: 'grant* funding грант* финансирова* अनुदान* অনুদান*' },
  { id: 'exchange', generic: true, forms: 'exchang* обмен* आदान-प्रदान* विनिमय* আদান-প্রদান* বিনিময়*' },
  { id: 'certificate', generic: true, forms: 'certif* сертификат* диплом* प्रमाणपत्र* प्रमाण-पत्र* সার্টিফিকেট* শংসাপত্র*' },
  { id: 'meeting', generic: true, forms: 'meeting* met meet session* заседани* встреч* बैठक* সভা* বৈঠক*' },
  { id: 'people', generic: true, forms: 'people persons person* человек* люд* लोग* व्यक्ति* জন জনকে মানুষ* ব্যক্তি*' },
  { id: 'joint', generic: true, forms: 'joint jointly together совместн* संयुक्त* মিলিত* যৌথ*' },
  { id: 'side', generic: true, forms: 'side sides party parties сторон* पक्ष* পক্ষ*' },
  { id: 'program', generic: true, forms: 'program* programme* программ* कार्यक्रम* প্রোগ্রাম* কর্মসূচি*' },
  { id: 'project', generic: true, forms: 'project* initiative* проект* инициатив* परियोजना* पहल प्रकल्प* প্রকল্প* উদ্যোগ*' },
  {
    id: 'establish',
    generic: true,
    forms:
      'establish* set setting launch* founded founding создан* создат* открыт* откро* учрежд* स्थापना* स्थापित* शुरू* প্রতিষ্ঠা* স্থাপন* গড়ে চালু',
  },
  { id: 'start', generic: true, forms: 'start* begin* began begun commence* начал* начин* старт* शुरू* आरंभ* प्रारंभ* শুরু*' },
  {
    id: 'first',
    generic: true,
    forms:
      'first initial* initially первый первая первое первые первых первом перв* पहला पहली पहले प्रथम* शुरुआत* প্রথম* প্রাথমিক* শুরুতে',
  },
  { id: 'day', generic: true, forms: 'day days день дня дней दिन* দিন* দিবস*' },
  { id: 'year', generic: true, forms: 'year years annual* annually год* лет ежегодн* साल* वर्ष* বছর* বার্ষিক*' },
  { id: 'develop', generic: true, forms: 'develop* развит* развива* разработ* विकास* विकसित* উন্নয়ন* উন্নতি* বিকাশ*' },
  { id: 'city', generic: true, forms: 'city cities town город* शहर* नगर* শহর* নগর*' },
  { id: 'campus', generic: true, forms: 'campus* кампус* परिसर* ক্যাম্পাস*' },
  // Months (dates are asked about in every language): every form of the one calendar table.
  ...MONTH_CONCEPTS,
];

/** The lexicon, for the analyzer version hash. */
export const CONCEPT_TABLE: readonly ConceptDef[] = CONCEPTS;

export interface ConceptMatch {
  id: string;
  generic: boolean;
}

interface Lexicon {
  exact: Map<string, ConceptMatch[]>;
  prefixes: { prefix: string; concept: ConceptMatch }[];
}

function compile(defs: readonly ConceptDef[]): Lexicon {
  const exact = new Map<string, ConceptMatch[]>();
  const prefixes: Lexicon['prefixes'] = [];
  for (const def of defs) {
    const concept = { id: def.id, generic: def.generic };
    for (const raw of def.forms.split(/\s+/).filter(Boolean)) {
      const form = foldText(raw.replace(/\*$/, ''));
      if (raw.endsWith('*')) prefixes.push({ prefix: form, concept });
      else exact.set(form, [...(exact.get(form) ?? []), concept]);
    }
  }
  return { exact, prefixes };
}

const LEXICON = compile(CONCEPTS);

const GENERIC = new Set(CONCEPTS.filter((c) => c.generic).map((c) => c.id));

/** Whether a concept id is generic (an institution type, "agreement"…) rather than a place or nationality. */
export function isGenericConcept(id: string): boolean {
  return GENERIC.has(id);
}

/** Kinds of organisation, as concept ids of this lexicon: the head words of institution names. */
export const INSTITUTION_CONCEPTS: ReadonlySet<string> = new Set([
  'hospital',
  'university',
  'institute',
  'college',
  'school',
  'centre',
  'association',
  'council',
]);

/**
 * Concepts that end a name made of the word before them: an institution type or a field (Fudan University,
 * Tata Medical Center, veterinary medicine). A word the corpus does not know, standing before one, names
 * what the question is about.
 */
const NAME_HEADS: ReadonlySet<string> = new Set([...INSTITUTION_CONCEPTS, 'medicine']);
export function isNameHead(id: string): boolean {
  return NAME_HEADS.has(id);
}

/** The concepts a folded, unstemmed word expresses (usually none, sometimes one). */
export function conceptsOf(foldedWord: string): ConceptMatch[] {
  const found = [...(LEXICON.exact.get(foldedWord) ?? [])];
  for (const { prefix, concept } of LEXICON.prefixes) {
    if (foldedWord.startsWith(prefix) && !found.some((c) => c.id === concept.id)) found.push(concept);
  }
  return found;
}
