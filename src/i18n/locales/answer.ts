// Texts of an answer: not-found, the sources heading, the line naming an article's language, the near-miss
// line, quantities ("more than 40"). (LLM-failure notes are in the reliability namespace.)
import type { Namespace } from '../index.ts';

type Key =
  | 'notFound'
  | 'sources'
  | 'fromArticle'
  | 'fromArticleBare'
  | 'nearMiss'
  | 'nearMissUndated'
  | 'moreThan'
  | 'lessThan'
  | 'about'
  | 'areas'
  | 'yes'
  | 'no';

export const answer: Namespace<Key> = {
  en: {
    notFound: 'I found nothing about that in the corpus.',
    sources: 'Sources:',
    fromArticle: 'From a {{language}} article ({{details}}):',
    fromArticleBare: 'From a {{language}} article:',
    nearMiss: 'The corpus has {{parties}}, {{date}}.',
    nearMissUndated: 'The corpus has {{parties}}.',
    moreThan: 'more than {{n}}',
    lessThan: 'fewer than {{n}}',
    about: 'about {{n}}',
    areas: 'Areas: {{areas}}',
    yes: 'Yes — {{answer}}',
    no: 'No — {{answer}}',
  },
  hi: {
    notFound: 'संग्रह में इसके बारे में मुझे कुछ नहीं मिला।',
    sources: 'स्रोत:',
    fromArticle: '{{language}} भाषा के एक लेख से ({{details}}):',
    fromArticleBare: '{{language}} भाषा के एक लेख से:',
    nearMiss: 'संग्रह में इसके सबसे निकट यह सहयोग है: {{parties}}, {{date}}।',
    nearMissUndated: 'संग्रह में इसके सबसे निकट यह सहयोग है: {{parties}}।',
    moreThan: '{{n}} से अधिक',
    lessThan: '{{n}} से कम',
    about: 'लगभग {{n}}',
    areas: 'क्षेत्र: {{areas}}',
    yes: 'हाँ — {{answer}}',
    no: 'नहीं — {{answer}}',
  },
  bn: {
    notFound: 'সংগ্রহে এ বিষয়ে আমি কিছু পাইনি।',
    sources: 'সূত্র:',
    fromArticle: '{{language}} ভাষার একটি প্রতিবেদন থেকে ({{details}}):',
    fromArticleBare: '{{language}} ভাষার একটি প্রতিবেদন থেকে:',
    nearMiss: 'সংগ্রহে এর সবচেয়ে কাছাকাছি সহযোগিতাটি হল: {{parties}}, {{date}}।',
    nearMissUndated: 'সংগ্রহে এর সবচেয়ে কাছাকাছি সহযোগিতাটি হল: {{parties}}।',
    moreThan: '{{n}}-এর বেশি',
    lessThan: '{{n}}-এর কম',
    about: 'প্রায় {{n}}',
    areas: 'ক্ষেত্র: {{areas}}',
    yes: 'হ্যাঁ — {{answer}}',
    no: 'না — {{answer}}',
  },
  ru: {
    notFound: 'В корпусе я ничего об этом не нашёл.',
    sources: 'Источники:',
    fromArticle: 'Из статьи (язык: {{language}}; {{details}}):',
    fromArticleBare: 'Из статьи (язык: {{language}}):',
    nearMiss: 'Ближайшее, что есть в корпусе: {{parties}}, {{date}}.',
    nearMissUndated: 'Ближайшее, что есть в корпусе: {{parties}}.',
    moreThan: 'более {{n}}',
    lessThan: 'менее {{n}}',
    about: 'около {{n}}',
    areas: 'Направления: {{areas}}',
    yes: 'Да — {{answer}}',
    no: 'Нет — {{answer}}',
  },
};
