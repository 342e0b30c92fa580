// Texts of an answer: not-found, the sources heading, the line naming an article's language, the near-miss
// line, quantities ("more than 70"), and the notes shown when the language model fails.
import type { Namespace } from '../index.ts';

type Key =
  | 'notFound'
  | 'sources'
  | 'fromArticle'
  | 'fromArticleUndated'
  | 'nearMiss'
  | 'nearMissUndated'
  | 'moreThan'
  | 'lessThan'
  | 'about'
  | 'llmFallback'
  | 'llmTimeout'
  | 'llmHttp'
  | 'llmConnection'
  | 'llmMalformed'
  | 'llmAborted'
  | 'llmEmpty'
  | 'llmUnavailable';

export const answer: Namespace<Key> = {
  en: {
    notFound: 'I found nothing about that in the corpus.',
    sources: 'Sources:',
    fromArticle: 'From a {{language}} article ({{source}}, {{date}}):',
    fromArticleUndated: 'From a {{language}} article ({{source}}):',
    nearMiss: 'The corpus has {{parties}}, {{date}}.',
    nearMissUndated: 'The corpus has {{parties}}.',
    moreThan: 'more than {{n}}',
    lessThan: 'fewer than {{n}}',
    about: 'about {{n}}',
    llmFallback: '{{reason}}; showing the extractive answer instead.',
    llmTimeout: 'The language model did not answer within {{seconds}} s (LLM_TIMEOUT_MS)',
    llmHttp: 'The language model returned HTTP {{status}}{{hint}}: {{detail}}',
    llmConnection: 'Could not reach the language model{{where}} (check LLM_BASE_URL and that the server is running)',
    llmMalformed: 'The language model sent a response that could not be read: {{detail}}',
    llmAborted: 'The language model request was cancelled',
    llmEmpty: 'The language model returned an empty answer',
    llmUnavailable: 'The language model could not be used',
  },
  hi: {
    notFound: 'संग्रह में इसके बारे में मुझे कुछ नहीं मिला।',
    sources: 'स्रोत:',
    fromArticle: '{{language}} भाषा के एक लेख से ({{source}}, {{date}}):',
    fromArticleUndated: '{{language}} भाषा के एक लेख से ({{source}}):',
    nearMiss: 'संग्रह में इसके सबसे निकट यह सहयोग है: {{parties}}, {{date}}।',
    nearMissUndated: 'संग्रह में इसके सबसे निकट यह सहयोग है: {{parties}}।',
    moreThan: '{{n}} से अधिक',
    lessThan: '{{n}} से कम',
    about: 'लगभग {{n}}',
    llmFallback: '{{reason}}; इसलिए लेखों से उद्धृत उत्तर दिखाया जा रहा है।',
    llmTimeout: 'भाषा मॉडल ने {{seconds}} सेकंड में उत्तर नहीं दिया (LLM_TIMEOUT_MS)',
    llmHttp: 'भाषा मॉडल ने HTTP {{status}}{{hint}} लौटाया: {{detail}}',
    llmConnection: 'भाषा मॉडल{{where}} से संपर्क नहीं हो सका (LLM_BASE_URL जाँचें और देखें कि सर्वर चल रहा है)',
    llmMalformed: 'भाषा मॉडल का उत्तर पढ़ा नहीं जा सका: {{detail}}',
    llmAborted: 'भाषा मॉडल का अनुरोध रद्द कर दिया गया',
    llmEmpty: 'भाषा मॉडल ने खाली उत्तर लौटाया',
    llmUnavailable: 'भाषा मॉडल का उपयोग नहीं हो सका',
  },
  bn: {
    notFound: 'সংগ্রহে এ বিষয়ে আমি কিছু পাইনি।',
    sources: 'সূত্র:',
    fromArticle: '{{language}} ভাষার একটি প্রতিবেদন থেকে ({{source}}, {{date}}):',
    fromArticleUndated: '{{language}} ভাষার একটি প্রতিবেদন থেকে ({{source}}):',
    nearMiss: 'সংগ্রহে এর সবচেয়ে কাছাকাছি সহযোগিতাটি হল: {{parties}}, {{date}}।',
    nearMissUndated: 'সংগ্রহে এর সবচেয়ে কাছাকাছি সহযোগিতাটি হল: {{parties}}।',
    moreThan: '{{n}}-এর বেশি',
    lessThan: '{{n}}-এর কম',
    about: 'প্রায় {{n}}',
    llmFallback: '{{reason}}; তাই প্রতিবেদন থেকে উদ্ধৃত উত্তর দেখানো হচ্ছে।',
    llmTimeout: 'ভাষা মডেল {{seconds}} সেকেন্ডের মধ্যে উত্তর দেয়নি (LLM_TIMEOUT_MS)',
    llmHttp: 'ভাষা মডেল HTTP {{status}}{{hint}} ফেরত দিয়েছে: {{detail}}',
    llmConnection: 'ভাষা মডেলের{{where}} সঙ্গে যোগাযোগ করা যায়নি (LLM_BASE_URL এবং সার্ভার চলছে কি না দেখুন)',
    llmMalformed: 'ভাষা মডেলের উত্তর পড়া যায়নি: {{detail}}',
    llmAborted: 'ভাষা মডেলের অনুরোধ বাতিল করা হয়েছে',
    llmEmpty: 'ভাষা মডেল একটি ফাঁকা উত্তর দিয়েছে',
    llmUnavailable: 'ভাষা মডেল ব্যবহার করা যায়নি',
  },
  ru: {
    notFound: 'В корпусе я ничего об этом не нашёл.',
    sources: 'Источники:',
    fromArticle: 'Из статьи (язык: {{language}}; {{source}}, {{date}}):',
    fromArticleUndated: 'Из статьи (язык: {{language}}; {{source}}):',
    nearMiss: 'Ближайшее, что есть в корпусе: {{parties}}, {{date}}.',
    nearMissUndated: 'Ближайшее, что есть в корпусе: {{parties}}.',
    moreThan: 'более {{n}}',
    lessThan: 'менее {{n}}',
    about: 'около {{n}}',
    llmFallback: '{{reason}}; поэтому показан ответ из цитат статей.',
    llmTimeout: 'Языковая модель не ответила за {{seconds}} с (LLM_TIMEOUT_MS)',
    llmHttp: 'Языковая модель вернула HTTP {{status}}{{hint}}: {{detail}}',
    llmConnection: 'Не удалось связаться с языковой моделью{{where}} (проверьте LLM_BASE_URL и что сервер запущен)',
    llmMalformed: 'Ответ языковой модели не удалось прочитать: {{detail}}',
    llmAborted: 'Запрос к языковой модели отменён',
    llmEmpty: 'Языковая модель вернула пустой ответ',
    llmUnavailable: 'Языковую модель не удалось использовать',
  },
};
