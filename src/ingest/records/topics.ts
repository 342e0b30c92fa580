// The topic vocabulary of the registry: the areas a collaboration is about, each with the words that name
// it in English, Hindi, Bengali and Russian. Provenance: written by hand from the general vocabulary of
// health-care and higher-education cooperation (the area names used in MoU announcements of universities
// and hospitals: research, training, medical education, clinical services, cancer care, digital health,
// exchanges); not fitted on any article. Phrases use the syntax of phrases.ts (`*` = prefix, `|` between).

import { compilePhrases, type Phrase } from './phrases.ts';
import type { Language } from '../../i18n/index.ts';

export interface Topic {
  id: string;
  /** How the topic is shown, per language. */
  label: Record<Language, string>;
  phrases: string;
}

export const TOPICS: readonly Topic[] = [
  {
    id: 'cancer-care',
    label: { en: 'cancer care', hi: 'कैंसर देखभाल', bn: 'ক্যানসার চিকিৎসা', ru: 'онкология' },
    phrases:
      'cancer* | oncolog* | tumour* | tumor* | कैंसर* | ऑन्कोलॉजी* | ऑन्कोलॉजिकल* | ক্যানসার* | ক্যান্সার* | অঙ্কোলজি* | рак | рака | онколог* | опухол*',
  },
  {
    id: 'training-skills',
    label: { en: 'training and skills', hi: 'प्रशिक्षण और कौशल', bn: 'প্রশিক্ষণ ও দক্ষতা', ru: 'подготовка кадров' },
    phrases:
      'training | skill* | short-term course* | certificate course* | प्रशिक्षण* | कौशल* | প্রশিক্ষণ* | প্রশিক্ষিত* | দক্ষতা* | স্কিল* | подготовк* кадров | повышени* квалификации | обучени* специалист*',
  },
  {
    id: 'research',
    label: { en: 'research', hi: 'अनुसंधान', bn: 'গবেষণা', ru: 'научные исследования' },
    phrases: 'research* | अनुसंधान* | शोध* | রিসার্চ* | গবেষণা* | исследовани* | исследовательск* | научн* проект*',
  },
  {
    id: 'digital-medicine',
    label: {
      en: 'digital medicine and AI',
      hi: 'डिजिटल चिकित्सा और एआई',
      bn: 'ডিজিটাল চিকিৎসা ও এআই',
      ru: 'цифровая медицина и ИИ',
    },
    phrases:
      'digital health | digital medicine | telemedicine | artificial intelligence | ai | big data | डिजिटल स्वास्थ्य | डिजिटल चिकित्सा | टेलीमेडिसिन | कृत्रिम बुद्धिमत्ता | ডিজিটাল স্বাস্থ্য | টেলিমেডিসিন | কৃত্রিম বুদ্ধিমত্তা | স্বাস্থ্যপ্রযুক্তি* | цифров* медицин* | телемедицин* | искусственн* интеллект* | больш* данн*',
  },
  {
    id: 'medical-education',
    label: { en: 'medical education', hi: 'चिकित्सा शिक्षा', bn: 'চিকিৎসা শিক্ষা', ru: 'медицинское образование' },
    phrases:
      'medical education | medical programme* | education | teaching | चिकित्सा शिक्षा | शिक्षण | शिक्षा | মেডিক্যাল কলেজ | চিকিৎসা শিক্ষা | শিক্ষা | медицинск* образовани* | образовани* | образовательн* программ*',
  },
  {
    id: 'clinical-services',
    label: { en: 'clinical services', hi: 'चिकित्सा सेवाएँ', bn: 'চিকিৎসা পরিষেবা', ru: 'клиническая помощь' },
    phrases:
      'medical services | clinical services | patient care | healthcare services | चिकित्सा सेवा* | रोगी देखभाल | मरीज* | রোগী পরিষেবা | চিকিৎসা পরিষেবা | স্বাস্থ্য পরিষেবা | медицинск* помощ* | медицинск* обслуживани* | клиническ* помощ*',
  },
  {
    id: 'exchange',
    label: {
      en: 'faculty and student exchange',
      hi: 'संकाय और छात्र आदान-प्रदान',
      bn: 'শিক্ষক ও ছাত্র বিনিময়',
      ru: 'академический обмен',
    },
    phrases:
      'exchange* | आदान-प्रदान | आदान प्रदान | विनिमय | বিনিময় | আদান-প্রদান | আদান প্রদান | обмен* | двойн* диплом*',
  },
  {
    id: 'public-health',
    label: {
      en: 'public and rural health',
      hi: 'जन और ग्रामीण स्वास्थ्य',
      bn: 'জনস্বাস্থ্য ও গ্রামীণ স্বাস্থ্য',
      ru: 'общественное здоровье',
    },
    phrases:
      'public health | rural health* | community health | community-based | जनस्वास्थ्य | जन स्वास्थ्य | ग्रामीण स्वास्थ्य | सामुदायिक* | समुदाय आधारित | জনস্বাস্থ্য* | গ্রামীণ স্বাস্থ্য* | общественн* здоровь* | сельск* здравоохранени*',
  },
  {
    id: 'infectious-disease',
    label: { en: 'infectious diseases', hi: 'संक्रामक रोग', bn: 'সংক্রামক রোগ', ru: 'инфекционные болезни' },
    phrases:
      'infectious disease* | tuberculosis | epidemic* | pandemic* | संक्रामक* | तपेदिक | महामारी | সংক্রামক* | যক্ষ্মা | মহামারি* | инфекционн* | туберкулез* | туберкулёз* | эпидеми*',
  },
  {
    id: 'vaccines-trials',
    label: {
      en: 'vaccines and clinical trials',
      hi: 'टीके और नैदानिक परीक्षण',
      bn: 'টিকা ও ক্লিনিক্যাল ট্রায়াল',
      ru: 'вакцины и клинические испытания',
    },
    phrases:
      'vaccin* | clinical trial* | वैक्सीन* | टीका* | नैदानिक परीक्षण* | ভ্যাকসিন* | টিকা* | ক্লিনিক্যাল ট্রায়াল* | вакцин* | клиническ* испытани*',
  },
];

export const TOPIC_PHRASES: ReadonlyMap<string, Phrase[]> = new Map(
  TOPICS.map((t) => [t.id, compilePhrases(t.phrases)]),
);

export function topicById(id: string): Topic | undefined {
  return TOPICS.find((t) => t.id === id);
}
