// Texts of the collaboration registry: list answers, /collaborations, `npm run collaborations`.
import type { Namespace } from '../index.ts';

type Key =
  | 'answerHeader'
  | 'kind.mou'
  | 'kind.agreement'
  | 'kind.communique'
  | 'kind.joint-programme'
  | 'kind.partnership'
  | 'kind.unknown'
  | 'dateArticle'
  | 'dateUnknown'
  | 'title'
  | 'titleFiltered'
  | 'page'
  | 'noResults'
  | 'unknownParty'
  | 'badDate'
  | 'unknownTopic'
  | 'emptyRange'
  | 'notAvailable'
  | 'previous'
  | 'next'
  | 'expired'
  | 'field.parties'
  | 'field.kind'
  | 'field.date'
  | 'field.place'
  | 'field.areas'
  | 'field.people'
  | 'field.source';

export const registry: Namespace<Key> = {
  en: {
    answerHeader: 'The registry lists {{count}} matching collaboration(s):',
    'kind.mou': 'MoU',
    'kind.agreement': 'Agreement',
    'kind.communique': 'Joint communiqué',
    'kind.joint-programme': 'Joint programme',
    'kind.partnership': 'Partnership',
    'kind.unknown': 'Collaboration',
    dateArticle: '{{date}} (article date)',
    dateUnknown: 'date not stated',
    title: 'Collaborations',
    titleFiltered: 'Collaborations — {{filter}}',
    page: 'Page {{page}} of {{pages}} · {{count}} record(s)',
    noResults: 'No collaboration in the registry matches these filters.',
    unknownParty: 'No party in the registry matches “{{party}}”.',
    badDate: 'The date “{{value}}” is not valid: write YYYY, YYYY-MM or YYYY-MM-DD (for example 2023-07-01).',
    unknownTopic: 'Unknown topic “{{topic}}”. Topics: {{topics}}.',
    emptyRange: 'The start date {{since}} is after the end date {{until}}.',
    notAvailable: 'The current index was built before the registry existed; an admin needs to run a reindex.',
    previous: 'Previous',
    next: 'Next',
    expired: 'These results are no longer in memory; please run /collaborations again.',
    'field.parties': 'Parties',
    'field.kind': 'Kind',
    'field.date': 'Date',
    'field.place': 'Place',
    'field.areas': 'Areas',
    'field.people': 'People',
    'field.source': 'Source',
  },
  hi: {
    answerHeader: 'रजिस्टर में {{count}} मिलते-जुलते सहयोग दर्ज हैं:',
    'kind.mou': 'समझौता ज्ञापन (एमओयू)',
    'kind.agreement': 'समझौता',
    'kind.communique': 'संयुक्त विज्ञप्ति',
    'kind.joint-programme': 'संयुक्त कार्यक्रम',
    'kind.partnership': 'साझेदारी',
    'kind.unknown': 'सहयोग',
    dateArticle: '{{date}} (लेख की तारीख)',
    dateUnknown: 'तारीख नहीं बताई गई',
    title: 'सहयोग',
    titleFiltered: 'सहयोग — {{filter}}',
    page: 'पृष्ठ {{page}} / {{pages}} · {{count}} प्रविष्टियाँ',
    noResults: 'रजिस्टर में इन शर्तों से मेल खाने वाला कोई सहयोग नहीं है।',
    unknownParty: 'रजिस्टर में “{{party}}” से मेल खाने वाली कोई संस्था नहीं है।',
    badDate: 'तारीख “{{value}}” मान्य नहीं है: YYYY, YYYY-MM या YYYY-MM-DD लिखें (जैसे 2023-07-01)।',
    unknownTopic: 'अज्ञात विषय “{{topic}}”। विषय: {{topics}}।',
    emptyRange: 'आरंभ की तारीख {{since}} अंतिम तारीख {{until}} के बाद की है।',
    notAvailable: 'मौजूदा इंडेक्स रजिस्टर से पहले बना था; किसी एडमिन को रीइंडेक्स चलाना होगा।',
    previous: 'पिछला',
    next: 'अगला',
    expired: 'ये परिणाम अब स्मृति में नहीं हैं; कृपया /collaborations फिर से चलाएँ।',
    'field.parties': 'पक्ष',
    'field.kind': 'प्रकार',
    'field.date': 'तारीख',
    'field.place': 'स्थान',
    'field.areas': 'क्षेत्र',
    'field.people': 'व्यक्ति',
    'field.source': 'स्रोत',
  },
  bn: {
    answerHeader: 'রেজিস্টারে {{count}}টি মিলে যাওয়া সহযোগিতা আছে:',
    'kind.mou': 'সমঝোতা স্মারক (মউ)',
    'kind.agreement': 'চুক্তি',
    'kind.communique': 'যৌথ বিবৃতি',
    'kind.joint-programme': 'যৌথ কর্মসূচি',
    'kind.partnership': 'অংশীদারিত্ব',
    'kind.unknown': 'সহযোগিতা',
    dateArticle: '{{date}} (প্রতিবেদনের তারিখ)',
    dateUnknown: 'তারিখ উল্লেখ নেই',
    title: 'সহযোগিতা',
    titleFiltered: 'সহযোগিতা — {{filter}}',
    page: 'পৃষ্ঠা {{page}} / {{pages}} · {{count}}টি তথ্য',
    noResults: 'এই শর্তগুলির সঙ্গে মেলে এমন কোনও সহযোগিতা রেজিস্টারে নেই।',
    unknownParty: 'রেজিস্টারে “{{party}}”-এর সঙ্গে মেলে এমন কোনও প্রতিষ্ঠান নেই।',
    badDate: '“{{value}}” তারিখটি সঠিক নয়: YYYY, YYYY-MM বা YYYY-MM-DD লিখুন (যেমন 2023-07-01)।',
    unknownTopic: 'অজানা বিষয় “{{topic}}”। বিষয়গুলি: {{topics}}।',
    emptyRange: 'শুরুর তারিখ {{since}} শেষের তারিখ {{until}}-এর পরে।',
    notAvailable: 'বর্তমান ইনডেক্সটি রেজিস্টার চালু হওয়ার আগে তৈরি; একজন অ্যাডমিনকে রিইনডেক্স চালাতে হবে।',
    previous: 'আগের',
    next: 'পরের',
    expired: 'এই ফলাফল আর মনে রাখা নেই; অনুগ্রহ করে আবার /collaborations চালান।',
    'field.parties': 'পক্ষ',
    'field.kind': 'ধরন',
    'field.date': 'তারিখ',
    'field.place': 'স্থান',
    'field.areas': 'ক্ষেত্র',
    'field.people': 'ব্যক্তি',
    'field.source': 'সূত্র',
  },
  ru: {
    answerHeader: 'В реестре найдено подходящих соглашений: {{count}}.',
    'kind.mou': 'Меморандум о взаимопонимании',
    'kind.agreement': 'Соглашение',
    'kind.communique': 'Совместное коммюнике',
    'kind.joint-programme': 'Совместная программа',
    'kind.partnership': 'Партнёрство',
    'kind.unknown': 'Сотрудничество',
    dateArticle: '{{date}} (дата статьи)',
    dateUnknown: 'дата не указана',
    title: 'Сотрудничество',
    titleFiltered: 'Сотрудничество — {{filter}}',
    page: 'Страница {{page}} из {{pages}} · записей: {{count}}',
    noResults: 'В реестре нет соглашений, подходящих под эти условия.',
    unknownParty: 'В реестре нет организации, соответствующей «{{party}}».',
    badDate: 'Дата «{{value}}» некорректна: укажите ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД (например, 2023-07-01).',
    unknownTopic: 'Неизвестная тема «{{topic}}». Темы: {{topics}}.',
    emptyRange: 'Начальная дата {{since}} позже конечной {{until}}.',
    notAvailable: 'Текущий индекс построен до появления реестра; администратору нужно запустить переиндексацию.',
    previous: 'Назад',
    next: 'Вперёд',
    expired: 'Эти результаты больше не хранятся; запустите /collaborations ещё раз.',
    'field.parties': 'Стороны',
    'field.kind': 'Вид',
    'field.date': 'Дата',
    'field.place': 'Место',
    'field.areas': 'Направления',
    'field.people': 'Участники',
    'field.source': 'Источник',
  },
};
