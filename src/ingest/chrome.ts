// Line classifiers for site chrome in English, Hindi, Bengali and Russian news pages. Each rule looks at
// one normalized line; the positional rules (before the headline, after the last paragraph, link lists)
// live in clean.ts. Every rule has a length cap so that a real paragraph that merely starts with a
// trigger word is never removed.
import { isDateOrTimeLine, mentionsDateOrTime } from './dates.ts';
import { wordCount } from './normalize.ts';

export type ChromeKind =
  | 'login'
  | 'advertisement'
  | 'share'
  | 'byline'
  | 'date'
  | 'credit'
  | 'photo'
  | 'follow'
  | 'contact'
  | 'navigation'
  | 'menu'
  | 'comments'
  | 'disclaimer'
  | 'sources'
  | 'tags'
  | 'separator';

/** Kinds after which nothing of the article follows (the next story, the comment form, a syndication note). */
const END_OF_ARTICLE: ReadonlySet<ChromeKind> = new Set(['navigation', 'comments', 'disclaimer', 'sources']);

/** Patterns are written in NFC so that they match NFC text whatever the editor stored (Indic nukta letters). */
function pattern(source: string, flags = 'iu'): RegExp {
  return new RegExp(source.normalize('NFC'), flags);
}

function alternatives(words: string[]): string {
  return words.map((word) => word.normalize('NFC')).join('|');
}

interface LineRule {
  kind: ChromeKind;
  /** The line is chrome when it matches and is at most `maxLength` characters long. */
  test: RegExp | ((line: string) => boolean);
  maxLength: number;
}

const LOGIN_AND_MENU = alternatives([
  'войти',
  'войти в почту',
  'войти в аккаунт',
  'вход',
  'выйти',
  'регистрация',
  'личный кабинет',
  'меню',
  'поиск',
  'главная',
  'log ?in',
  'log ?out',
  'sign ?in',
  'sign ?up',
  'sign ?out',
  'register',
  'my account',
  'menu',
  'main menu',
  'search',
  'home',
  'skip to (main )?content',
  'e-?paper',
  'लॉग ?इन',
  'लॉगिन',
  'साइन ?इन',
  'मेन्यू',
  'मेनू',
  'होम',
  'खोजें',
  'ई-?पेपर',
  'লগ ?ইন',
  'সাইন ?ইন',
  'মেনু',
  'হোম',
  'খুঁজুন',
  'অনুসন্ধান',
  'ই-?পেপার',
]);

const ADVERTISEMENT = alternatives([
  'advertisement',
  'advertisements',
  'advert',
  'ads?',
  'sponsored( content)?',
  'promoted',
  'реклама',
  'на правах рекламы',
  'विज्ञापन',
  'বিজ্ঞাপন',
  '(story|article) continues (below|after)( (this )?(ad|advertisement))?',
  'continue reading( below)?',
  'scroll (down )?to continue( reading)?',
]);

const SHARE = alternatives([
  'share',
  'shares',
  'share (this|the) (article|story|post|news)',
  'share (on|via) .{1,30}',
  'поделиться',
  'शेयर( करें)?',
  'শেয়ার( করুন)?',
  'শেয়ার( করুন)?',
]);

const SOCIAL_NETWORKS = alternatives([
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'telegram',
  'linkedin',
  'e-?mail',
  'copy link',
  'print',
  'pinterest',
  'reddit',
  'vk',
  'вконтакте',
  'одноклассники',
  'ok',
  'google news',
  'youtube',
  'instagram',
  'koo',
  'threads',
]);

/** Apps and networks a "follow us" prompt names, in any of the four languages. */
const FOLLOW_TARGETS = alternatives([
  'whatsapp',
  'telegram',
  'google news',
  'youtube',
  'instagram',
  'facebook',
  'twitter',
  'হোয়াট্সঅ্যাপ',
  'হোয়াটসঅ্যাপ',
  'হোয়াটসঅ্যাপ',
  'টেলিগ্রাম',
  'ইউটিউব',
  'ফেসবুক',
  'व्हाट्सएप',
  'व्हाट्सऐप',
  'वॉट्सऐप',
  'टेलीग्राम',
  'यूट्यूब',
  'फेसबुक',
  'телеграм',
  'дзен',
  'вконтакте',
]);

const FOLLOW = alternatives([
  'follow us',
  'follow .{1,40} on',
  'subscribe',
  'join (us|our)',
  'download (the|our) app',
  'sign up for',
  'stay (updated|tuned|connected)',
  'never miss',
  'click here to (join|subscribe|follow)',
  'ফলো করুন',
  'আমাদের ফলো',
  'সাবস্ক্রাইব',
  'অন্য মাধ্যমগুলি',
  'ডাউনলোড করুন',
  'फॉलो करें',
  'फ़ॉलो करें',
  'हमें फॉलो',
  'सब्सक्राइब',
  'डाउनलोड करें',
  'подписывайтесь',
  'подпишитесь',
  'следите за нами',
  'читайте нас',
  'присоединяйтесь',
]);

const CONTACT = alternatives([
  'to get in touch',
  'get in touch',
  'write to us',
  'contact us',
  'email us',
  'for (feedback|queries|complaints)',
  'reach us',
  'send (us )?your (feedback|story|stories)',
  'связаться с нами',
  'напишите нам',
  'संपर्क करें',
  'हमें लिखें',
  'যোগাযোগ করুন',
  'আমাদের লিখুন',
]);

const NEXT_STORY = alternatives([
  '(next|previous|prev|older|newer) (story|article|post|news)',
  'следующая (новость|статья)',
  'предыдущая (новость|статья)',
  'अगली (खबर|ख़बर|स्टोरी)',
  'पिछली (खबर|ख़बर|स्टोरी)',
  'পরবর্তী (খবর|প্রতিবেদন)',
  'পরের খবর',
  'আগের খবর',
]);

const COMMENT_LINES = alternatives([
  'leave a (reply|comment)',
  'post a comment',
  'add (a )?comment',
  'comments?( \\(\\d+\\))?',
  '\\d+ comments?',
  'write a comment',
  'join the (discussion|conversation)',
  'cancel reply',
  'комментарии( \\(\\d+\\))?',
  'комментировать',
  'оставить комментарий',
  'оставьте комментарий',
  'टिप्पणियाँ',
  'टिप्पणियां',
  'टिप्पणी करें',
  'कमेंट करें',
  'মন্তব্য',
  'মন্তব্য করুন',
]);

const COMMENT_FORM = alternatives([
  'your email address will not be published',
  'required fields are marked',
  'ваш (адрес )?e-?mail не будет опубликован',
  'आपका ईमेल पता प्रकाशित नहीं',
  'আপনার ইমেল ঠিকানা প্রকাশ করা হবে না',
]);

const PHOTO_MARKERS = alternatives([
  'photo',
  'photos',
  'image',
  'images',
  'picture',
  'pic',
  'file photo',
  'photograph',
  'photo credit',
  'image credit',
  'image source',
  'courtesy',
  'credit',
  'credits',
  'ছবি',
  'ফাইল ছবি',
  'ছবি সৌজন্যে',
  'फोटो',
  'फ़ोटो',
  'तस्वीर',
  'चित्र',
  'छवि',
  'फोटो साभार',
  'साभार',
  'фото',
  'фотография',
  'иллюстрация',
  'источник фото',
  'кадр',
]);

const DATE_PREFIX = alternatives([
  '(last )?updated',
  'published',
  'first published',
  'posted',
  'created',
  'modified',
  'date',
  'শেষ আপডেট',
  'আপডেট',
  'প্রকাশিত',
  'প্রকাশ',
  'अपडेटेड',
  'अपडेट',
  'प्रकाशित',
  'प्रकाशन तिथि',
  'अंतिम अपडेट',
  'लास्ट अपडेटेड',
  'पब्लिश्ड',
  'опубликовано',
  'обновлено',
  'дата публикации',
  'изменено',
]);

const AGENCIES = alternatives([
  'pti',
  'ians',
  'ani',
  'uni',
  'reuters',
  'afp',
  'ap',
  'bloomberg',
  'тасс',
  'риа новости',
  'интерфакс',
  'पीटीआई',
  'भाषा',
  'आईएएनएस',
  'এএনআই',
  'পিটিআই',
]);

/** Last words of a desk credit ("PTI Bureau", "আনন্দবাজার ডট কম ডেস্ক"); byline.ts strips them to get the publication. */
export const DESK_WORDS: ReadonlySet<string> = new Set(
  ['desk', 'newsdesk', 'bureau', 'डेस्क', 'ब्यूरो', 'ডেস্ক', 'ব্যুরো', 'редакция'].map((w) => w.normalize('NFC')),
);

/** The matched words end here ("subscribe" must not match "Subscribers"). */
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;

function isDeskCredit(line: string): boolean {
  const words = line.toLowerCase().split(/\s+/);
  return words.length <= 6 && DESK_WORDS.has(words[words.length - 1]!) && !/[.!?।]$/.test(line);
}

function isAuthorByline(line: string): boolean {
  return (
    /^(by|posted by|written by|edited by|reported by|compiled by|authored by|story by|text by|photos? by|автор|текст)[:\s]\s*\S/i.test(
      line,
    ) &&
    wordCount(line) <= 8 &&
    !/[.!?।]$/.test(line)
  );
}

/** "Press Trust of India | July 1, 2023 | 09:52 PM IST | 1 min read": fields separated by pipes, one a date. */
function isPipedByline(line: string): boolean {
  return line.includes('|') && mentionsDateOrTime(line) && !/[.!?।]$/.test(line);
}

const SOCIAL_BUTTONS = pattern(`^((${SOCIAL_NETWORKS})[\\s,|•·/]*)+$`);
const FOLLOW_TARGET = pattern(`(${FOLLOW_TARGETS})`);

function isSocialButtons(line: string): boolean {
  return SOCIAL_BUTTONS.test(line);
}

function isFollowPrompt(line: string): boolean {
  return wordCount(line) <= 6 && FOLLOW_TARGET.test(line);
}

function isContactLine(line: string): boolean {
  return EMAIL.test(line) && wordCount(line) <= 12;
}

function isBreadcrumb(line: string): boolean {
  return (line.match(/\s[>»/]\s/g)?.length ?? 0) >= 2 && !/[.!?।]$/.test(line);
}

/** Items of a site menu line are separated by `|`, `•`, `·` or wide gaps. */
const MENU_SEPARATOR = /\s*[|•·]\s*|\s{3,}/u;
/** A menu needs this many items: two could be a headline with its section ("… | Education"). */
const MIN_MENU_ITEMS = 3;
/** Menu items are labels ("Home", "Real Estate", "Log in"), not phrases. */
const MAX_MENU_ITEM_WORDS = 3;

/** A site's section menu ("Home | News | Education | Login"): several short labels in a row, no sentence. */
function isMenuLine(line: string): boolean {
  if (/[.!?।]$/.test(line)) return false;
  const items = line.split(MENU_SEPARATOR).filter((item) => item.trim() !== '');
  return items.length >= MIN_MENU_ITEMS && items.every((item) => wordCount(item) <= MAX_MENU_ITEM_WORDS);
}

function hasNoWords(line: string): boolean {
  return !/[\p{L}\p{N}]/u.test(line);
}

const RULES: LineRule[] = [
  { kind: 'separator', test: hasNoWords, maxLength: 200 },
  { kind: 'login', test: pattern(`^(${LOGIN_AND_MENU})$`), maxLength: 40 },
  { kind: 'advertisement', test: pattern(`^(${ADVERTISEMENT})$`), maxLength: 80 },
  { kind: 'share', test: pattern(`^(${SHARE})\\s*:?$`), maxLength: 50 },
  { kind: 'share', test: isSocialButtons, maxLength: 120 },
  { kind: 'byline', test: /\b\d+\s*(min|mins|minute|minutes)\s+read\b/i, maxLength: 160 },
  { kind: 'byline', test: isPipedByline, maxLength: 160 },
  { kind: 'byline', test: isAuthorByline, maxLength: 80 },
  { kind: 'date', test: pattern(`^(${DATE_PREFIX})(\\s+(on|at))?\\s*[:：ः-]`), maxLength: 100 },
  { kind: 'date', test: isDateOrTimeLine, maxLength: 80 },
  { kind: 'credit', test: isDeskCredit, maxLength: 60 },
  {
    kind: 'credit',
    test: pattern(`^[(\\[]?(with inputs from|inputs from|source|источник|सोर्स|स्रोत|সূত্র)\\s*[:：-]`),
    maxLength: 100,
  },
  { kind: 'credit', test: pattern(`^[(\\[—–-]*\\s*(with inputs from\\s+)?(${AGENCIES})\\s*[)\\]]*$`), maxLength: 60 },
  { kind: 'photo', test: pattern(`(^|[\\s।.|(])(${PHOTO_MARKERS})\\s*[:：]`), maxLength: 160 },
  { kind: 'follow', test: pattern(`^(${FOLLOW})${WORD_END}`), maxLength: 220 },
  { kind: 'follow', test: isFollowPrompt, maxLength: 80 },
  { kind: 'contact', test: pattern(`^(${CONTACT})${WORD_END}`), maxLength: 200 },
  { kind: 'contact', test: isContactLine, maxLength: 200 },
  { kind: 'navigation', test: pattern(`^(${NEXT_STORY})$`), maxLength: 40 },
  { kind: 'navigation', test: isBreadcrumb, maxLength: 120 },
  { kind: 'menu', test: isMenuLine, maxLength: 300 },
  { kind: 'comments', test: pattern(`^(${COMMENT_LINES})\\s*:?$`), maxLength: 40 },
  { kind: 'comments', test: pattern(`^(${COMMENT_FORM})`), maxLength: 200 },
  { kind: 'disclaimer', test: /^\/?\s*public release\b/i, maxLength: 1000 },
  { kind: 'disclaimer', test: /originating (organi[sz]ation|group)/i, maxLength: 1000 },
  {
    kind: 'disclaimer',
    test: pattern('^(disclaimer|отказ от ответственности|अस्वीकरण|দাবিত্যাগ)\\s*[:：]'),
    maxLength: 1000,
  },
  { kind: 'disclaimer', test: /^(©|\(c\)\s|copyright\b|all rights reserved)/i, maxLength: 300 },
  { kind: 'sources', test: pattern('^(sources?|references|источники?|स्रोत|সূত্র)\\s*:?$'), maxLength: 30 },
  { kind: 'tags', test: pattern('^(tags?|topics?|теги|метки|टैग|टॉपिक्स|ট্যাগ|টপিক)\\s*[:：]'), maxLength: 250 },
];

/** What kind of chrome a line is, or undefined for a line that may be article text. */
export function classifyChromeLine(line: string): ChromeKind | undefined {
  for (const rule of RULES) {
    if (line.length > rule.maxLength) continue;
    const matches = typeof rule.test === 'function' ? rule.test(line) : rule.test.test(line);
    if (matches) return rule.kind;
  }
  return undefined;
}

/** Chrome after which the rest of the page is not the article. */
export function endsArticle(kind: ChromeKind): boolean {
  return END_OF_ARTICLE.has(kind);
}

const LINK_LIST_HEADINGS = alternatives([
  'featured( (news|stories|articles|posts|videos))?',
  'related( (news|stories|articles|posts|content|links|topics|coverage|reading))?',
  'also read',
  'read also',
  'read more',
  'more (news|stories|articles)( (from|on|like this) .{1,40})?',
  'trending( (now|news|stories))?',
  'top (news|stories|headlines)',
  'latest (news|stories|updates)',
  'most (read|popular|viewed|shared)',
  'popular( (news|stories|posts))?',
  'you (may|might) (also )?like',
  'recommended( (for you|stories))?',
  'in (other|case you missed) news',
  "don'?t miss",
  'must read',
  "editor'?s picks?",
  'what to read next',
  'further reading',
  'see also',
  'यह भी पढ़ें',
  'ये भी पढ़ें',
  'इसे भी पढ़ें',
  'और पढ़ें',
  'संबंधित (खबरें|ख़बरें|समाचार|लेख)',
  'ताज़ा (खबरें|ख़बरें)',
  'ताजा (खबरें|ख़बरें)',
  'टॉप (खबरें|न्यूज़|न्यूज)',
  'लोकप्रिय( खबरें)?',
  'अन्य (खबरें|ख़बरें)',
  'আরও পড়ুন',
  'আরো পড়ুন',
  'আরও খবর',
  'সম্পর্কিত( খবর)?',
  'আরও দেখুন',
  'অন্যান্য খবর',
  'সেরা খবর',
  'এই বিষয়ে আরও',
  'читайте также',
  'смотрите также',
  'см\\. также',
  'ещё по теме',
  'еще по теме',
  'по теме',
  'похожие (новости|материалы|статьи)',
  'популярное',
  'самое (читаемое|популярное)',
  'главное( за (день|неделю))?',
  'другие новости',
  'новости партнеров',
  'последние новости',
  'рекомендуем',
  'читайте (ещё|еще)',
]);

const LINK_LIST_HEADING = pattern(`^(${LINK_LIST_HEADINGS})\\s*:?$`);
const INLINE_LINK = pattern(`^(${LINK_LIST_HEADINGS})\\s*[:：|—–-]\\s*\\S`);

/** "Featured News", "यह भी पढ़ें", "আরও পড়ুন", "Читайте также": a heading over links to other stories. */
export function isLinkListHeading(line: string): boolean {
  return line.length <= 60 && LINK_LIST_HEADING.test(line);
}

/** "Also read: <another headline>" on one line. */
export function isInlineLink(line: string): boolean {
  return line.length <= 250 && INLINE_LINK.test(line);
}
