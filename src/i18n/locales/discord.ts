// What the Discord user reads besides the answer itself: buttons, refusals, errors, /help, /sources, /reindex
// and the descriptions of the slash commands (Discord shows at most 100 characters of those).
import type { Namespace } from '../index.ts';

type Key =
  | 'answer.sources'
  | 'answer.sourcesContinued'
  | 'answer.byModel'
  | 'answer.quoted'
  | 'answer.empty'
  | 'answer.nothing'
  | 'answer.untitled'
  | 'answer.writing'
  | 'answer.expired'
  | 'button.passages'
  | 'button.previous'
  | 'button.next'
  | 'button.unsupported'
  | 'passages.none'
  | 'sources.title'
  | 'sources.empty'
  | 'sources.page'
  | 'sources.chunks'
  | 'reindex.title'
  | 'reindex.counts'
  | 'reindex.holds'
  | 'reindex.added'
  | 'reindex.changed'
  | 'reindex.removed'
  | 'reindex.failed'
  | 'reindex.more'
  | 'error.empty'
  | 'error.tooLong'
  | 'error.rateLimited'
  | 'error.reindexRunning'
  | 'error.permission'
  | 'error.index'
  | 'error.model'
  | 'error.apology'
  | 'error.shuttingDown'
  | 'error.channel'
  | 'mention.usage'
  | 'help.title'
  | 'help.intro'
  | 'help.citations'
  | 'help.index'
  | 'help.commands'
  | 'help.ask'
  | 'help.sourcesCommand'
  | 'help.reindexCommand'
  | 'help.mention'
  | 'help.examples'
  | 'command.ask'
  | 'command.ask.question'
  | 'command.ask.public'
  | 'command.sources'
  | 'command.reindex'
  | 'command.help';

export const discord: Namespace<Key> = {
  en: {
    'answer.sources': 'Sources',
    'answer.sourcesContinued': 'Sources (continued)',
    'answer.byModel': 'Written by a language model from the cited passages',
    'answer.quoted': 'Quoted from the cited passages',
    'answer.empty': '(empty answer)',
    'answer.nothing': 'Nothing in the indexed articles answers this.',
    'answer.untitled': 'Answer',
    'answer.writing': 'Writing the answer…',
    'answer.expired': 'I no longer have that answer in memory (I keep only recent ones). Please ask again.',
    'button.passages': 'Show passages',
    'button.previous': 'Previous',
    'button.next': 'Next',
    'button.unsupported': 'That button is no longer supported.',
    'passages.none': 'This answer cites no passages.',
    'sources.title': 'Indexed articles ({{count}})',
    'sources.empty': 'The index is empty.',
    'sources.page': 'Page {{page}} of {{pages}}',
    'sources.chunks': 'chunks: {{count}}',
    'reindex.title': 'Reindex finished',
    'reindex.counts':
      'Added {{added}} · changed {{changed}} · removed {{removed}} · unchanged {{unchanged}} · failed {{failed}}',
    'reindex.holds':
      'The index now holds {{documents}} documents in {{chunks}} chunks (embedder `{{embedder}}`); {{embedded}} chunks embedded in {{seconds}} s.',
    'reindex.added': 'Added',
    'reindex.changed': 'Changed',
    'reindex.removed': 'Removed',
    'reindex.failed': 'Failed',
    'reindex.more': '…and {{count}} more',
    'error.empty': 'Please ask a question, e.g. `/ask question: Which universities signed an MoU on cancer research?`',
    'error.tooLong': 'That question is too long: the limit is {{max}} characters. Please shorten it.',
    'error.rateLimited': "You're asking faster than I can keep up with — please wait {{seconds}} s and try again.",
    'error.reindexRunning':
      'A reindex is already running; its summary will be posted when it finishes. No need to start another.',
    'error.permission': 'Only members with the Manage Server permission (or the bot admin role) can do that.',
    'error.index':
      'The article index is not usable right now; an admin needs to run a reindex. Please try again later.',
    'error.model': 'The embedding model is not available right now. Please try again later.',
    'error.apology':
      "Sorry — something went wrong while handling that. Error id `{{id}}` (the bot's operator can look it up in the log).",
    'error.shuttingDown': 'The bot is restarting — please ask again in a minute.',
    'error.channel': 'I only answer in the channels the server admins chose for me.',
    'mention.usage':
      'Mention me with a question, e.g. {{bot}} which universities signed an MoU on cancer research? — or use `/ask`. Reply to one of my answers to ask a follow-up.',
    'help.title': 'What I do',
    'help.intro':
      'I answer questions about collaborations between institutions — MoUs and agreements between universities, hospitals and research centres — from a collection of news articles in Hindi, English, Bengali and Russian.',
    'help.citations':
      'Every answer cites its sources with `[n]` markers; **Show passages** shows the quoted text, and 👍/👎 tell the maintainers how the answer did.',
    'help.index': 'I currently know {{documents}} articles ({{chunks}} passages).',
    'help.commands': 'Commands',
    'help.ask':
      '`/ask question:<text> [public:<true|false>]` — ask a question. Answers are visible to the channel unless you set `public:false` (the server may change that default).',
    'help.sourcesCommand': '`/sources` — the indexed articles.',
    'help.reindexCommand': '`/reindex` — pick up added or changed articles (Manage Server only).',
    'help.mention': '`@mention` me with a question, or reply to one of my answers to ask a follow-up.',
    'help.examples': 'Example questions (any of the four languages)',
    'command.ask': 'Ask about collaborations and MoUs between institutions; the answer cites its sources.',
    'command.ask.question': 'Your question, in Hindi, English, Bengali or Russian',
    'command.ask.public': 'Show the answer to the whole channel (default set by the server)',
    'command.sources': 'List the indexed articles: title, source, date, language.',
    'command.reindex': 'Index added or changed articles (Manage Server only).',
    'command.help': 'What this bot does, with example questions.',
  },
  hi: {
    'answer.sources': 'स्रोत',
    'answer.sourcesContinued': 'स्रोत (जारी)',
    'answer.byModel': 'उद्धृत अंशों से एक भाषा मॉडल द्वारा लिखा गया',
    'answer.quoted': 'उद्धृत अंशों से लिया गया',
    'answer.empty': '(खाली उत्तर)',
    'answer.nothing': 'अनुक्रमित लेखों में इसका कोई उत्तर नहीं है।',
    'answer.untitled': 'उत्तर',
    'answer.writing': 'उत्तर लिखा जा रहा है…',
    'answer.expired': 'वह उत्तर अब मेरी स्मृति में नहीं है (मैं केवल हाल के उत्तर रखता हूँ)। कृपया फिर से पूछें।',
    'button.passages': 'अंश दिखाएँ',
    'button.previous': 'पिछला',
    'button.next': 'अगला',
    'button.unsupported': 'यह बटन अब काम नहीं करता।',
    'passages.none': 'यह उत्तर किसी अंश का हवाला नहीं देता।',
    'sources.title': 'अनुक्रमित लेख ({{count}})',
    'sources.empty': 'अनुक्रमणिका खाली है।',
    'sources.page': 'पृष्ठ {{page}} / {{pages}}',
    'sources.chunks': 'खंड: {{count}}',
    'reindex.title': 'पुनः अनुक्रमण पूरा हुआ',
    'reindex.counts':
      'जोड़े गए {{added}} · बदले गए {{changed}} · हटाए गए {{removed}} · अपरिवर्तित {{unchanged}} · विफल {{failed}}',
    'reindex.holds':
      'अनुक्रमणिका में अब {{documents}} लेख और {{chunks}} खंड हैं (एम्बेडर `{{embedder}}`); {{seconds}} सेकंड में {{embedded}} खंड एम्बेड किए गए।',
    'reindex.added': 'जोड़े गए',
    'reindex.changed': 'बदले गए',
    'reindex.removed': 'हटाए गए',
    'reindex.failed': 'विफल',
    'reindex.more': '…और {{count}} अन्य',
    'error.empty': 'कृपया कोई प्रश्न पूछें, जैसे `/ask question: किन विश्वविद्यालयों ने कैंसर अनुसंधान पर एमओयू किया?`',
    'error.tooLong': 'यह प्रश्न बहुत लंबा है: सीमा {{max}} अक्षरों की है। कृपया इसे छोटा करें।',
    'error.rateLimited': 'आप बहुत तेज़ी से पूछ रहे हैं — कृपया {{seconds}} सेकंड रुककर फिर से कोशिश करें।',
    'error.reindexRunning': 'पुनः अनुक्रमण पहले से चल रहा है; पूरा होने पर उसका सारांश भेजा जाएगा। दूसरा शुरू करने की ज़रूरत नहीं।',
    'error.permission': 'यह केवल "Manage Server" अनुमति (या बॉट की एडमिन भूमिका) वाले सदस्य कर सकते हैं।',
    'error.index': 'लेखों की अनुक्रमणिका अभी उपयोग योग्य नहीं है; किसी एडमिन को पुनः अनुक्रमण चलाना होगा। कृपया बाद में कोशिश करें।',
    'error.model': 'एम्बेडिंग मॉडल अभी उपलब्ध नहीं है। कृपया बाद में कोशिश करें।',
    'error.apology': 'क्षमा करें — इसे संभालते समय कुछ गड़बड़ हो गई। त्रुटि आईडी `{{id}}` (बॉट का संचालक इसे लॉग में देख सकता है)।',
    'error.shuttingDown': 'बॉट फिर से शुरू हो रहा है — कृपया एक मिनट बाद फिर पूछें।',
    'error.channel': 'मैं केवल उन चैनलों में उत्तर देता हूँ जिन्हें सर्वर एडमिन ने मेरे लिए चुना है।',
    'mention.usage':
      'मुझे किसी प्रश्न के साथ मेंशन करें, जैसे {{bot}} किन विश्वविद्यालयों ने कैंसर अनुसंधान पर एमओयू किया? — या `/ask` का उपयोग करें। आगे पूछने के लिए मेरे किसी उत्तर का जवाब दें।',
    'help.title': 'मैं क्या करता हूँ',
    'help.intro':
      'मैं संस्थानों के बीच सहयोग — विश्वविद्यालयों, अस्पतालों और शोध केंद्रों के बीच एमओयू और समझौतों — के बारे में हिंदी, अंग्रेज़ी, बांग्ला और रूसी समाचार लेखों के संग्रह से प्रश्नों के उत्तर देता हूँ।',
    'help.citations':
      'हर उत्तर `[n]` चिह्नों से अपने स्रोत बताता है; **अंश दिखाएँ** उद्धृत पाठ दिखाता है, और 👍/👎 से रखरखाव करने वालों को पता चलता है कि उत्तर कैसा रहा।',
    'help.index': 'अभी मेरे पास {{documents}} लेख ({{chunks}} अंश) हैं।',
    'help.commands': 'कमांड',
    'help.ask':
      '`/ask question:<पाठ> [public:<true|false>]` — प्रश्न पूछें। उत्तर चैनल में सबको दिखते हैं, जब तक आप `public:false` न चुनें (सर्वर यह डिफ़ॉल्ट बदल सकता है)।',
    'help.sourcesCommand': '`/sources` — अनुक्रमित लेख।',
    'help.reindexCommand': '`/reindex` — जोड़े गए या बदले गए लेख शामिल करें (केवल Manage Server वाले)।',
    'help.mention': 'प्रश्न के साथ मुझे `@mention` करें, या आगे पूछने के लिए मेरे किसी उत्तर का जवाब दें।',
    'help.examples': 'उदाहरण प्रश्न (चारों में से किसी भी भाषा में)',
    'command.ask': 'संस्थानों के बीच सहयोग और एमओयू के बारे में पूछें; उत्तर अपने स्रोत बताता है।',
    'command.ask.question': 'आपका प्रश्न, हिंदी, अंग्रेज़ी, बांग्ला या रूसी में',
    'command.ask.public': 'उत्तर पूरे चैनल को दिखाएँ (डिफ़ॉल्ट सर्वर तय करता है)',
    'command.sources': 'अनुक्रमित लेखों की सूची: शीर्षक, स्रोत, तारीख, भाषा।',
    'command.reindex': 'जोड़े गए या बदले गए लेखों को अनुक्रमित करें (केवल Manage Server वाले)।',
    'command.help': 'यह बॉट क्या करता है, उदाहरण प्रश्नों के साथ।',
  },
  bn: {
    'answer.sources': 'সূত্র',
    'answer.sourcesContinued': 'সূত্র (চলছে)',
    'answer.byModel': 'উদ্ধৃত অংশ থেকে একটি ভাষা মডেল লিখেছে',
    'answer.quoted': 'উদ্ধৃত অংশ থেকে নেওয়া',
    'answer.empty': '(ফাঁকা উত্তর)',
    'answer.nothing': 'সূচিভুক্ত প্রবন্ধগুলিতে এর কোনো উত্তর নেই।',
    'answer.untitled': 'উত্তর',
    'answer.writing': 'উত্তর লেখা হচ্ছে…',
    'answer.expired': 'ওই উত্তরটি আর আমার মনে নেই (আমি কেবল সাম্প্রতিক উত্তরগুলি রাখি)। অনুগ্রহ করে আবার জিজ্ঞাসা করুন।',
    'button.passages': 'অংশগুলি দেখান',
    'button.previous': 'আগের',
    'button.next': 'পরের',
    'button.unsupported': 'এই বোতামটি আর কাজ করে না।',
    'passages.none': 'এই উত্তরে কোনো অংশের উল্লেখ নেই।',
    'sources.title': 'সূচিভুক্ত প্রবন্ধ ({{count}})',
    'sources.empty': 'সূচি ফাঁকা।',
    'sources.page': 'পৃষ্ঠা {{page}} / {{pages}}',
    'sources.chunks': 'খণ্ড: {{count}}',
    'reindex.title': 'পুনরায় সূচিকরণ শেষ',
    'reindex.counts':
      'যোগ হয়েছে {{added}} · বদলেছে {{changed}} · সরানো হয়েছে {{removed}} · অপরিবর্তিত {{unchanged}} · ব্যর্থ {{failed}}',
    'reindex.holds':
      'সূচিতে এখন {{documents}}টি প্রবন্ধ ও {{chunks}}টি খণ্ড আছে (এমবেডার `{{embedder}}`); {{seconds}} সেকেন্ডে {{embedded}}টি খণ্ড এমবেড করা হয়েছে।',
    'reindex.added': 'যোগ হয়েছে',
    'reindex.changed': 'বদলেছে',
    'reindex.removed': 'সরানো হয়েছে',
    'reindex.failed': 'ব্যর্থ',
    'reindex.more': '…এবং আরও {{count}}টি',
    'error.empty':
      'অনুগ্রহ করে একটি প্রশ্ন করুন, যেমন `/ask question: কোন বিশ্ববিদ্যালয়গুলি ক্যানসার গবেষণায় সমঝোতাপত্র সই করেছে?`',
    'error.tooLong': 'প্রশ্নটি খুব দীর্ঘ: সীমা {{max}} অক্ষর। অনুগ্রহ করে ছোট করুন।',
    'error.rateLimited': 'আপনি খুব তাড়াতাড়ি প্রশ্ন করছেন — অনুগ্রহ করে {{seconds}} সেকেন্ড অপেক্ষা করে আবার চেষ্টা করুন।',
    'error.reindexRunning': 'পুনরায় সূচিকরণ ইতিমধ্যে চলছে; শেষ হলে তার সারাংশ পাঠানো হবে। আরেকটি শুরু করার দরকার নেই।',
    'error.permission': 'এটি কেবল "Manage Server" অনুমতি (বা বটের অ্যাডমিন ভূমিকা) থাকা সদস্যরাই করতে পারেন।',
    'error.index': 'প্রবন্ধের সূচি এখন ব্যবহারযোগ্য নয়; একজন অ্যাডমিনকে পুনরায় সূচিকরণ চালাতে হবে। অনুগ্রহ করে পরে চেষ্টা করুন।',
    'error.model': 'এমবেডিং মডেল এখন পাওয়া যাচ্ছে না। অনুগ্রহ করে পরে চেষ্টা করুন।',
    'error.apology':
      'দুঃখিত — এটি সামলাতে গিয়ে কিছু ভুল হয়েছে। ত্রুটি আইডি `{{id}}` (বটের পরিচালক লগে এটি খুঁজে দেখতে পারবেন)।',
    'error.shuttingDown': 'বটটি আবার চালু হচ্ছে — অনুগ্রহ করে এক মিনিট পরে আবার জিজ্ঞাসা করুন।',
    'error.channel': 'সার্ভারের অ্যাডমিনরা আমার জন্য যে চ্যানেলগুলি বেছেছেন, আমি কেবল সেখানেই উত্তর দিই।',
    'mention.usage':
      'একটি প্রশ্নসহ আমাকে মেনশন করুন, যেমন {{bot}} কোন বিশ্ববিদ্যালয়গুলি ক্যানসার গবেষণায় সমঝোতাপত্র সই করেছে? — অথবা `/ask` ব্যবহার করুন। পরের প্রশ্ন করতে আমার কোনো উত্তরের জবাব দিন।',
    'help.title': 'আমি কী করি',
    'help.intro':
      'আমি প্রতিষ্ঠানগুলির সহযোগিতা — বিশ্ববিদ্যালয়, হাসপাতাল ও গবেষণা কেন্দ্রের মধ্যে সমঝোতাপত্র ও চুক্তি — নিয়ে হিন্দি, ইংরেজি, বাংলা ও রুশ ভাষার সংবাদ প্রবন্ধের সংগ্রহ থেকে প্রশ্নের উত্তর দিই।',
    'help.citations':
      'প্রতিটি উত্তর `[n]` চিহ্ন দিয়ে তার সূত্র জানায়; **অংশগুলি দেখান** উদ্ধৃত লেখা দেখায়, আর 👍/👎 রক্ষণাবেক্ষণকারীদের জানায় উত্তরটি কেমন হয়েছে।',
    'help.index': 'এখন আমি {{documents}}টি প্রবন্ধ ({{chunks}}টি অংশ) জানি।',
    'help.commands': 'কমান্ড',
    'help.ask':
      '`/ask question:<লেখা> [public:<true|false>]` — প্রশ্ন করুন। `public:false` না দিলে উত্তর চ্যানেলের সবাই দেখতে পান (সার্ভার এই ডিফল্ট বদলাতে পারে)।',
    'help.sourcesCommand': '`/sources` — সূচিভুক্ত প্রবন্ধ।',
    'help.reindexCommand': '`/reindex` — যোগ হওয়া বা বদলানো প্রবন্ধ অন্তর্ভুক্ত করুন (কেবল Manage Server)।',
    'help.mention': 'প্রশ্নসহ আমাকে `@mention` করুন, বা পরের প্রশ্ন করতে আমার কোনো উত্তরের জবাব দিন।',
    'help.examples': 'উদাহরণ প্রশ্ন (চারটি ভাষার যেকোনোটিতে)',
    'command.ask': 'প্রতিষ্ঠানগুলির সহযোগিতা ও সমঝোতাপত্র নিয়ে জিজ্ঞাসা করুন; উত্তর তার সূত্র জানায়।',
    'command.ask.question': 'আপনার প্রশ্ন, হিন্দি, ইংরেজি, বাংলা বা রুশ ভাষায়',
    'command.ask.public': 'উত্তরটি পুরো চ্যানেলকে দেখান (ডিফল্ট সার্ভার ঠিক করে)',
    'command.sources': 'সূচিভুক্ত প্রবন্ধের তালিকা: শিরোনাম, সূত্র, তারিখ, ভাষা।',
    'command.reindex': 'যোগ হওয়া বা বদলানো প্রবন্ধ সূচিভুক্ত করুন (কেবল Manage Server)।',
    'command.help': 'এই বট কী করে, উদাহরণ প্রশ্নসহ।',
  },
  ru: {
    'answer.sources': 'Источники',
    'answer.sourcesContinued': 'Источники (продолжение)',
    'answer.byModel': 'Написано языковой моделью по цитируемым фрагментам',
    'answer.quoted': 'Цитаты из приведённых фрагментов',
    'answer.empty': '(пустой ответ)',
    'answer.nothing': 'В проиндексированных статьях нет ответа на этот вопрос.',
    'answer.untitled': 'Ответ',
    'answer.writing': 'Пишу ответ…',
    'answer.expired': 'Этого ответа уже нет в памяти (я храню только недавние). Пожалуйста, спросите ещё раз.',
    'button.passages': 'Показать фрагменты',
    'button.previous': 'Назад',
    'button.next': 'Далее',
    'button.unsupported': 'Эта кнопка больше не поддерживается.',
    'passages.none': 'Этот ответ не ссылается ни на один фрагмент.',
    'sources.title': 'Проиндексированные статьи ({{count}})',
    'sources.empty': 'Индекс пуст.',
    'sources.page': 'Страница {{page}} из {{pages}}',
    'sources.chunks': 'фрагментов: {{count}}',
    'reindex.title': 'Переиндексация завершена',
    'reindex.counts':
      'Добавлено {{added}} · изменено {{changed}} · удалено {{removed}} · без изменений {{unchanged}} · с ошибкой {{failed}}',
    'reindex.holds':
      'В индексе теперь документов: {{documents}}, фрагментов: {{chunks}} (эмбеддер `{{embedder}}`); за {{seconds}} с вычислено векторов: {{embedded}}.',
    'reindex.added': 'Добавлены',
    'reindex.changed': 'Изменены',
    'reindex.removed': 'Удалены',
    'reindex.failed': 'С ошибкой',
    'reindex.more': '…и ещё {{count}}',
    'error.empty':
      'Задайте вопрос, например `/ask question: Какие университеты подписали соглашение об исследованиях рака?`',
    'error.tooLong': 'Вопрос слишком длинный: допустимо не больше {{max}} символов. Пожалуйста, сократите его.',
    'error.rateLimited':
      'Вы спрашиваете быстрее, чем я успеваю отвечать, — подождите {{seconds}} с и попробуйте снова.',
    'error.reindexRunning':
      'Переиндексация уже идёт; итог появится, когда она закончится. Запускать ещё одну не нужно.',
    'error.permission':
      'Это могут делать только участники с правом «Управлять сервером» (или с ролью администратора бота).',
    'error.index': 'Индекс статей сейчас недоступен; администратору нужно запустить переиндексацию. Попробуйте позже.',
    'error.model': 'Модель эмбеддингов сейчас недоступна. Попробуйте позже.',
    'error.apology':
      'Извините, при обработке что-то пошло не так. Код ошибки `{{id}}` (оператор бота найдёт его в журнале).',
    'error.shuttingDown': 'Бот перезапускается — спросите, пожалуйста, ещё раз через минуту.',
    'error.channel': 'Я отвечаю только в каналах, которые для меня выбрали администраторы сервера.',
    'mention.usage':
      'Упомяните меня с вопросом, например: {{bot}} какие университеты подписали соглашение об исследованиях рака? — или используйте `/ask`. Чтобы задать уточняющий вопрос, ответьте на одно из моих сообщений.',
    'help.title': 'Что я умею',
    'help.intro':
      'Я отвечаю на вопросы о сотрудничестве организаций — меморандумах и соглашениях между университетами, больницами и научными центрами — по подборке новостных статей на хинди, английском, бенгальском и русском.',
    'help.citations':
      'Каждый ответ указывает источники метками `[n]`; **Показать фрагменты** показывает цитируемый текст, а 👍/👎 сообщают разработчикам, насколько удачен ответ.',
    'help.index': 'Сейчас я знаю статей: {{documents}} (фрагментов: {{chunks}}).',
    'help.commands': 'Команды',
    'help.ask':
      '`/ask question:<текст> [public:<true|false>]` — задать вопрос. Ответ виден всему каналу, если не указать `public:false` (сервер может изменить это по умолчанию).',
    'help.sourcesCommand': '`/sources` — проиндексированные статьи.',
    'help.reindexCommand':
      '`/reindex` — учесть добавленные или изменённые статьи (только с правом «Управлять сервером»).',
    'help.mention': 'Упомяните меня (`@mention`) с вопросом или ответьте на мой ответ, чтобы уточнить.',
    'help.examples': 'Примеры вопросов (на любом из четырёх языков)',
    'command.ask': 'Вопрос о сотрудничестве и соглашениях между организациями; ответ со ссылками на источники.',
    'command.ask.question': 'Ваш вопрос на хинди, английском, бенгальском или русском',
    'command.ask.public': 'Показать ответ всему каналу (по умолчанию решает сервер)',
    'command.sources': 'Список проиндексированных статей: заголовок, источник, дата, язык.',
    'command.reindex': 'Проиндексировать добавленные или изменённые статьи (только «Управлять сервером»).',
    'command.help': 'Что умеет этот бот, с примерами вопросов.',
  },
};
