// Small articles in the four languages for the retrieval tests (synthetic, in the style of the corpus).
import type { TestArticle } from './snapshot.ts';

export const ARTICLES: TestArticle[] = [
  {
    id: 'hi-cancer',
    title: 'लोहिया संस्थान और कैंसर संस्थान के बीच एमओयू',
    language: 'hi',
    institutions: [
      'Kalyan Singh Super Speciality Cancer Institute (KSSSCI)',
      'Dr. Ram Manohar Lohia Institute of Medical Sciences (RMLIMS)',
    ],
    chunks: [
      'लखनऊ। केएसएसएससीआई और आरएमएलआईएमएस ने कैंसर अनुसंधान और उपचार के लिए 24 सितंबर को समझौता ज्ञापन पर हस्ताक्षर किए।',
      'आरएमएलआईएमएस के निदेशक प्रो. सी.एम. सिंह ने कहा कि संयुक्त अनुसंधान से रोगियों को लाभ होगा।',
    ],
  },
  {
    id: 'bn-skills',
    title: 'আইআইটি খড়্গপুরের নয়া উদ্যোগ',
    language: 'bn',
    chunks: [
      'ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি) খড়্গপুর ক্যাম্পাসে স্বাস্থ্যকর্মীদের প্রশিক্ষণ কেন্দ্র গড়ে তুলবে।',
      'প্রাথমিক ভাবে ১৫০ জনকে প্রশিক্ষণ দেওয়া হবে। কোর্স শেষে শংসাপত্র দেবে হেলথকেয়ার সেক্টর স্কিল কাউন্সিল।',
    ],
  },
  {
    id: 'ru-council',
    title: 'Медвузы России и Китая договорились о сотрудничестве',
    language: 'ru',
    chunks: [
      'Шестого июля в Гуанчжоу состоялось заседание ассоциации медицинских университетов России и Китая.',
      'С российской стороны коммюнике подписал ректор Сеченовского университета Петр Глыбочко.',
    ],
  },
  {
    id: 'en-hkust',
    title: 'HKUST signs MoUs with three hospitals in Hangzhou',
    language: 'en',
    institutions: [
      'The Hong Kong University of Science and Technology (HKUST)',
      'Zhejiang University School of Medicine',
    ],
    chunks: [
      'HKUST signed MoUs with three affiliated hospitals of Zhejiang University: the First Affiliated Hospital, the Second Affiliated Hospital and Sir Run Run Shaw Hospital.',
      'The partnership supports the Healthy China initiative and joint research in medical artificial intelligence.',
    ],
  },
  {
    id: 'en-aiims',
    title: 'IIT Kharagpur signs agreement with AIIMS Kalyani',
    language: 'en',
    // The chunker repeats the end of one chunk at the start of the next.
    overlap: 40,
    chunks: [
      'KOLKATA: IIT Kharagpur on Saturday signed an agreement with AIIMS Kalyani for collaboration in research.',
      'for collaboration in research. The MoU was signed on National Doctors Day by director VK Tewari.',
    ],
  },
];
