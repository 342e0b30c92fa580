// Areas of a collaboration named in a sentence ("cancer prevention, diagnosis and vaccine trials", "цифровой
// и персонализированной медицины", "মহিলাদের ক্ষমতায়ন"), each with its name in the four languages: what lets
// the first line of a "what does the MoU cover" answer speak the asker's language when the article does not.
// Provenance: written by hand from the general vocabulary of health-care and higher-education cooperation
// (the area names of MoU announcements of universities and hospitals, with their usual Hindi, Bengali and
// Russian renderings from general bilingual dictionaries); not fitted on any article. A finer companion of
// the registry's topics (src/ingest/records/topics.ts), whose labels are too broad for a first line.
// Phrases use the syntax of src/ingest/records/phrases.ts (`*` = prefix, `|` between phrases).
import type { Language } from '../i18n/index.ts';
import { compilePhrases, findPhrases, textWords, type Phrase } from '../ingest/records/phrases.ts';
// An area is defined as a registry topic is (id, label per language, phrases); only the vocabulary is finer.
import type { Topic as AreaDef } from '../ingest/records/topics.ts';

const AREAS: readonly AreaDef[] = [
  {
    id: 'cancer',
    label: { en: 'cancer care', hi: 'कैंसर देखभाल', bn: 'ক্যানসার চিকিৎসা', ru: 'онкологическая помощь' },
    phrases: 'cancer* | oncolog* | कैंसर* | ऑन्कोलॉज* | ক্যানসার* | ক্যান্সার* | অঙ্কোলজি* | онколог* | рак | рака | раков*',
  },
  {
    id: 'prevention',
    label: { en: 'prevention', hi: 'रोकथाम', bn: 'প্রতিরোধ', ru: 'профилактика' },
    phrases: 'prevent* | रोकथाम* | निवारण* | প্রতিরোধ* | профилакти*',
  },
  {
    id: 'early-detection',
    label: { en: 'early detection', hi: 'शीघ्र पहचान', bn: 'দ্রুত শনাক্তকরণ', ru: 'ранняя диагностика' },
    phrases:
      'early detection | early diagnos* | शीघ्र पता | जल्दी पता | शीघ्र निदान | প্রাথমিক শনাক্ত* | দ্রুত শনাক্ত* | ранн* диагност* | ранн* выявлени*',
  },
  {
    id: 'diagnosis',
    label: { en: 'diagnosis', hi: 'निदान', bn: 'রোগনির্ণয়', ru: 'диагностика' },
    phrases: 'diagnos* | screening* | निदान* | रोग निदान | রোগনির্ণয়* | রোগ নির্ণয়* | ডায়াগনস* | диагност* | скрининг*',
  },
  {
    id: 'treatment',
    label: { en: 'treatment', hi: 'उपचार', bn: 'চিকিৎসা', ru: 'лечение' },
    phrases: 'treatment* | therap* | उपचार* | इलाज* | থেরাপি* | চিকিৎসা | চিকিৎসার | চিকিৎসায় | лечени* | терапи*',
  },
  {
    id: 'vaccine-trials',
    label: { en: 'vaccine trials', hi: 'वैक्सीन परीक्षण', bn: 'টিকার পরীক্ষা', ru: 'испытания вакцин' },
    phrases: 'vaccin* | वैक्सीन* | टीका* | टीके | ভ্যাকসিন* | টিকা* | টিকার | вакцин*',
  },
  {
    id: 'clinical-trials',
    label: { en: 'clinical trials', hi: 'नैदानिक परीक्षण', bn: 'ক্লিনিক্যাল ট্রায়াল', ru: 'клинические испытания' },
    phrases:
      'clinical trial* | clinical stud* | नैदानिक परीक्षण* | क्लिनिकल ट्रायल* | ক্লিনিক্যাল ট্রায়াল* | клиническ* испытани* | клиническ* исследовани*',
  },
  {
    id: 'research',
    label: { en: 'research', hi: 'अनुसंधान', bn: 'গবেষণা', ru: 'исследования' },
    phrases: 'research* | अनुसंधान* | शोध* | রিসার্চ* | গবেষণা* | исследовани* | научно-исследовательск*',
  },
  {
    id: 'joint-projects',
    label: { en: 'joint projects', hi: 'संयुक्त परियोजनाएँ', bn: 'যৌথ প্রকল্প', ru: 'совместные проекты' },
    phrases: 'joint project* | collaborative project* | संयुक्त परियोजना* | যৌথ প্রকল্প* | совместн* проект*',
  },
  {
    id: 'grants',
    label: { en: 'grant', hi: 'अनुदान', bn: 'অনুদান', ru: 'грант' },
    phrases: 'grant | grants | funding | अनुदान* | ग्रांट* | অনুদান* | গ্রান্ট* | грант*',
  },
  {
    id: 'education',
    label: { en: 'education and teaching', hi: 'शिक्षा और शिक्षण', bn: 'শিক্ষা ও শিক্ষণ', ru: 'образование' },
    phrases:
      'educat* | teaching | schooling | शिक्षा* | शिक्षण* | শিক্ষা | শিক্ষার | শিক্ষায় | শিক্ষণ* | образовани* | образовательн* | преподавани*',
  },
  {
    id: 'training',
    label: { en: 'training', hi: 'प्रशिक्षण', bn: 'প্রশিক্ষণ', ru: 'подготовка кадров' },
    phrases:
      'training* | skill* | प्रशिक्षण* | कौशल* | প্রশিক্ষণ* | দক্ষতা* | подготовк* кадр* | повышени* квалификац* | обучени*',
  },
  {
    id: 'faculty',
    label: { en: 'faculty', hi: 'संकाय', bn: 'শিক্ষক', ru: 'преподаватели' },
    phrases: 'faculty | faculties | संकाय* | फैकल्टी | শিক্ষক* | অধ্যাপক* | преподавател* | профессорско-преподавательск*',
  },
  {
    id: 'scientists',
    label: { en: 'scientists', hi: 'वैज्ञानिक', bn: 'বিজ্ঞানী', ru: 'учёные' },
    phrases: 'scientist* | वैज्ञानिक* | বিজ্ঞানী* | ученых | учёных | ученые | учёные | ученым | учёным',
  },
  {
    id: 'students',
    label: { en: 'students', hi: 'छात्र', bn: 'ছাত্রছাত্রী', ru: 'студенты' },
    phrases: 'student* | छात्र* | विद्यार्थी* | ছাত্র* | পড়ুয়া* | শিক্ষার্থী* | студент*',
  },
  {
    id: 'exchange',
    label: { en: 'exchanges', hi: 'आदान-प्रदान', bn: 'বিনিময়', ru: 'обмен' },
    phrases: 'exchange* | आदान-प्रदान | आदान प्रदान | विनिमय | বিনিময়* | আদান-প্রদান | আদান প্রদান | обмен*',
  },
  {
    id: 'internships',
    label: { en: 'internships', hi: 'इंटर्नशिप', bn: 'ইন্টার্নশিপ', ru: 'стажировки' },
    phrases: 'internship* | इंटर्नशिप* | ইন্টার্নশিপ* | стажировк*',
  },
  {
    id: 'double-degree',
    label: { en: 'double degree programmes', hi: 'दोहरी डिग्री', bn: 'দ্বৈত ডিগ্রি', ru: 'программы двойного диплома' },
    phrases:
      'double degree* | dual degree* | joint degree* | दोहरी डिग्री | दोहरे डिग्री | দ্বৈত ডিগ্রি | ডুয়াল ডিগ্রি | двойн* диплом* | двойн* степен*',
  },
  {
    id: 'postgraduate',
    label: {
      en: "master's and postgraduate programmes",
      hi: 'स्नातकोत्तर',
      bn: 'স্নাতকোত্তর',
      ru: 'магистратура и аспирантура',
    },
    phrases:
      'master* | postgraduate* | post-graduate* | phd | doctoral | स्नातकोत्तर* | पीएचडी | স্নাতকোত্তর* | পিএইচডি | магистратур* | аспирантур* | докторантур*',
  },
  {
    id: 'digital-medicine',
    label: { en: 'digital medicine', hi: 'डिजिटल चिकित्सा', bn: 'ডিজিটাল চিকিৎসা', ru: 'цифровая медицина' },
    phrases: 'digital* | telemedicine | डिजिटल* | टेलीमेडिसिन | ডিজিটাল* | টেলিমেডিসিন | цифров* | телемедицин*',
  },
  {
    id: 'personalised-medicine',
    label: {
      en: 'personalised medicine',
      hi: 'व्यक्तिगत चिकित्सा',
      bn: 'ব্যক্তিগত চিকিৎসা',
      ru: 'персонализированная медицина',
    },
    phrases: 'personali* | precision medicine | व्यक्तिगत चिकित्सा | ব্যক্তিগত চিকিৎসা | персонализированн* | прецизионн*',
  },
  {
    id: 'ai',
    label: { en: 'artificial intelligence', hi: 'कृत्रिम बुद्धिमत्ता', bn: 'কৃত্রিম বুদ্ধিমত্তা', ru: 'искусственный интеллект' },
    phrases:
      'artificial intelligence | ai | कृत्रिम बुद्धिमत्ता | एआई | কৃত্রিম বুদ্ধিমত্তা | এআই | искусственн* интеллект* | ии',
  },
  {
    id: 'big-data',
    label: { en: 'big data', hi: 'बिग डेटा', bn: 'বিগ ডেটা', ru: 'большие данные' },
    phrases: 'big data | बिग डेटा | বিগ ডেটা | больш* данн*',
  },
  {
    id: 'new-technologies',
    label: { en: 'new technologies', hi: 'नई तकनीकें', bn: 'নতুন প্রযুক্তি', ru: 'новые технологии' },
    phrases:
      'new technolog* | advanced technolog* | नई तकनीक* | नवीन तकनीक* | उन्नत तकनीक* | नई प्रौद्योगिकी* | নতুন প্রযুক্তি* | উন্নত প্রযুক্তি* | нов* технолог* | передов* технолог*',
  },
  {
    id: 'innovation',
    label: { en: 'innovation', hi: 'नवाचार', bn: 'উদ্ভাবন', ru: 'инновации' },
    phrases: 'innovat* | नवाचार* | উদ্ভাবন* | инновац*',
  },
  {
    id: 'infectious-diseases',
    label: { en: 'infectious diseases', hi: 'संक्रामक रोग', bn: 'সংক্রামক রোগ', ru: 'инфекционные заболевания' },
    phrases: 'infectious | infection* | संक्रामक* | संक्रमण* | সংক্রামক* | সংক্রমণ* | инфекци* | инфекционн*',
  },
  {
    id: 'food-safety',
    label: { en: 'food safety', hi: 'खाद्य सुरक्षा', bn: 'খাদ্য নিরাপত্তা', ru: 'безопасность пищевых продуктов' },
    phrases:
      'food safety | food security | खाद्य सुरक्षा | খাদ্য নিরাপত্তা | খাদ্য সুরক্ষা | খাদ্যের নিরাপত্তা | безопасност* пищев* | пищев* безопасност* | продовольственн* безопасност*',
  },
  {
    id: 'mental-health',
    label: { en: 'mental health', hi: 'मानसिक स्वास्थ्य', bn: 'মানসিক স্বাস্থ্য', ru: 'психическое здоровье' },
    phrases: 'mental health | मानसिक स्वास्थ्य | মানসিক স্বাস্থ্য* | психическ* здоров* | ментальн* здоров*',
  },
  {
    id: 'rural-health',
    label: { en: 'rural health care', hi: 'ग्रामीण स्वास्थ्य', bn: 'গ্রামীণ স্বাস্থ্য', ru: 'сельское здравоохранение' },
    phrases:
      'rural health* | grassroots health* | ग्रामीण स्वास्थ्य* | গ্রামীণ স্বাস্থ্য* | তৃণমূল স্তরে স্বাস্থ্য* | сельск* здравоохранени*',
  },
  {
    id: 'rural',
    label: { en: 'rural areas', hi: 'ग्रामीण क्षेत्र', bn: 'গ্রামীণ এলাকা', ru: 'сельские районы' },
    phrases: 'rural | villag* | ग्रामीण | गांव* | गाँव* | গ্রামীণ | গ্রাম | сельск* | деревн*',
  },
  {
    id: 'suburban',
    label: { en: 'suburban areas', hi: 'उपनगरीय क्षेत्र', bn: 'শহরতলি', ru: 'пригороды' },
    phrases: 'suburb* | semi-urban | उपनगर* | अर्ध-शहरी | শহরতলি* | пригород*',
  },
  {
    id: 'public-health',
    label: { en: 'public health', hi: 'जन स्वास्थ्य', bn: 'জনস্বাস্থ্য', ru: 'общественное здоровье' },
    phrases: 'public health | जनस्वास्थ्य | जन स्वास्थ्य | সার্বজনিক স্বাস্থ্য | জনস্বাস্থ্য* | общественн* здоров*',
  },
  {
    id: 'medical-services',
    label: { en: 'medical services', hi: 'चिकित्सा सेवाएँ', bn: 'চিকিৎসা পরিষেবা', ru: 'медицинская помощь' },
    phrases:
      'medical services | clinical services | patient care | healthcare services | health services | चिकित्सा सेवा* | स्वास्थ्य सेवा* | रोगी देखभाल | রোগী পরিষেবা | চিকিৎসা পরিষেবা | স্বাস্থ্য পরিষেবা* | медицинск* помощ* | медицинск* обслуживани* | медицинск* услуг*',
  },
  {
    id: 'community',
    label: { en: 'community programmes', hi: 'सामुदायिक कार्यक्रम', bn: 'সামাজিক কর্মসূচি', ru: 'программы для населения' },
    phrases: 'community* | सामुदायिक* | समुदाय* | সম্প্রদায়* | কমিউনিটি* | сообществ*',
  },
  {
    id: 'women-empowerment',
    label: { en: "women's empowerment", hi: 'महिला सशक्तिकरण', bn: 'মহিলাদের ক্ষমতায়ন', ru: 'расширение прав женщин' },
    phrases:
      "women's empowerment | women empowerment | empowerment of women | empowering women | महिला सशक्तिकरण | महिलाओं के सशक्तिकरण | महिलाओं का सशक्तिकरण | মহিলাদের ক্ষমতায়ন | নারীর ক্ষমতায়ন | নারী ক্ষমতায়ন | расширени* прав* женщин* | расширени* возможност* женщин*",
  },
  {
    id: 'employment',
    label: { en: 'employment', hi: 'रोजगार', bn: 'কর্মসংস্থান', ru: 'занятость' },
    phrases:
      'employment | jobs | job creation | livelihood* | रोजगार* | रोज़गार* | কর্মসংস্থান* | রোজগার* | занятост* | рабоч* мест*',
  },
  {
    id: 'conferences',
    label: {
      en: 'conferences and workshops',
      hi: 'सम्मेलन और कार्यशालाएँ',
      bn: 'সম্মেলন ও কর্মশালা',
      ru: 'конференции и семинары',
    },
    phrases:
      'conference* | seminar* | workshop* | symposi* | सम्मेलन* | कार्यशाला* | संगोष्ठी* | সম্মেলন* | কর্মশালা* | конференц* | семинар* | симпозиум*',
  },
];

/** Words that make an area recurrent ("an annual grant"), with the word in each language. */
const ANNUAL = compilePhrases(
  'annual* | yearly | every year | वार्षिक | सालाना | हर साल | বার্ষিক | প্রতি বছর | ежегодн*',
);
const ANNUAL_LABEL: Record<Language, string> = { en: 'annual', hi: 'वार्षिक', bn: 'বার্ষিক', ru: 'ежегодный' };
/** Words between the recurrence word and its area ("ежегодного Российско-Китайского гранта"). */
const ANNUAL_GAP = 3;

const COMPILED: readonly { def: AreaDef; phrases: Phrase[] }[] = AREAS.map((def) => ({
  def,
  phrases: compilePhrases(def.phrases),
}));

export interface AreaMention {
  id: string;
  /** As written in the sentence. */
  text: string;
  start: number;
  end: number;
  /** The sentence says it recurs yearly ("annual grant"). */
  annual?: true;
}

/** The areas a sentence names, in text order, each once (the longest phrase wins where two overlap). */
export function findAreas(sentence: string): AreaMention[] {
  const words = textWords(sentence);
  const hits: AreaMention[] = [];
  for (const { def, phrases } of COMPILED) {
    for (const hit of findPhrases(words, phrases)) {
      hits.push({ id: def.id, text: sentence.slice(hit.start, hit.end), start: hit.start, end: hit.end });
    }
  }
  const annual = findPhrases(words, ANNUAL);
  const kept: AreaMention[] = [];
  for (const hit of hits.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    if (kept.some((k) => k.start < hit.end && hit.start < k.end)) continue;
    if (kept.some((k) => k.id === hit.id)) continue;
    const wordIndex = words.findIndex((w) => w.start === hit.start);
    const recurring = annual.some((a) => {
      const at = words.findIndex((w) => w.start === a.start);
      return at < wordIndex && wordIndex - at <= ANNUAL_GAP;
    });
    kept.push(recurring ? { ...hit, annual: true } : hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** An area's name for a reader of `language` ("annual grant", "ежегодный грант"). */
export function areaLabel(area: Pick<AreaMention, 'id' | 'annual'>, language: Language): string {
  const def = AREAS.find((d) => d.id === area.id);
  const label = def ? def.label[language] : area.id;
  return area.annual ? `${ANNUAL_LABEL[language]} ${label}` : label;
}
