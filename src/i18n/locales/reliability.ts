// Texts of the bot's load and failure handling: the busy refusal, the language-model fallback note, the
// feedback replies. None repeats an upstream error: an error id points the operator to the log line.
import type { Namespace } from '../index.ts';

type Key =
  | 'busy'
  | 'llmFallback'
  | 'llmTimeout'
  | 'voteRecorded.up'
  | 'voteRecorded.down'
  | 'voteChanged.up'
  | 'voteChanged.down'
  | 'voteSame';

export const reliability: Namespace<Key> = {
  en: {
    busy: 'I am answering many questions right now. Please try again in a moment.',
    llmFallback: 'The language model could not answer (error id {{errorId}}); showing the quoted answer instead.',
    llmTimeout: 'The language model did not answer in time (error id {{errorId}}); showing the quoted answer instead.',
    'voteRecorded.up': 'Thanks — glad it helped! 👍',
    'voteRecorded.down': 'Thanks — noted, this helps improve the answers. 👎',
    'voteChanged.up': 'Your vote is changed to 👍. Thanks!',
    'voteChanged.down': 'Your vote is changed to 👎. Thanks — this helps improve the answers.',
    voteSame: 'You already voted that way on this answer; your vote counts once.',
  },
  hi: {
    busy: 'मैं इस समय बहुत सारे सवालों के जवाब दे रहा हूँ। कृपया थोड़ी देर में फिर से पूछें।',
    llmFallback: 'भाषा मॉडल जवाब नहीं दे सका (त्रुटि आईडी {{errorId}}); इसके बजाय उद्धृत जवाब दिखाया जा रहा है।',
    llmTimeout: 'भाषा मॉडल ने समय पर जवाब नहीं दिया (त्रुटि आईडी {{errorId}}); इसके बजाय उद्धृत जवाब दिखाया जा रहा है।',
    'voteRecorded.up': 'धन्यवाद — खुशी है कि यह काम आया! 👍',
    'voteRecorded.down': 'धन्यवाद — दर्ज कर लिया, इससे जवाब बेहतर होंगे। 👎',
    'voteChanged.up': 'आपका वोट 👍 में बदल दिया गया। धन्यवाद!',
    'voteChanged.down': 'आपका वोट 👎 में बदल दिया गया। धन्यवाद — इससे जवाब बेहतर होंगे।',
    voteSame: 'आप इस जवाब पर पहले ही यही वोट दे चुके हैं; आपका वोट एक ही बार गिना जाता है।',
  },
  bn: {
    busy: 'আমি এই মুহূর্তে অনেক প্রশ্নের উত্তর দিচ্ছি। একটু পরে আবার চেষ্টা করুন।',
    llmFallback: 'ভাষা মডেল উত্তর দিতে পারেনি (ত্রুটি আইডি {{errorId}}); তার বদলে উদ্ধৃত উত্তর দেখানো হচ্ছে।',
    llmTimeout: 'ভাষা মডেল সময়মতো উত্তর দেয়নি (ত্রুটি আইডি {{errorId}}); তার বদলে উদ্ধৃত উত্তর দেখানো হচ্ছে।',
    'voteRecorded.up': 'ধন্যবাদ — কাজে লেগেছে জেনে ভালো লাগল! 👍',
    'voteRecorded.down': 'ধন্যবাদ — লিখে রাখলাম, এতে উত্তরগুলো আরও ভালো হবে। 👎',
    'voteChanged.up': 'আপনার ভোট 👍-এ বদলানো হয়েছে। ধন্যবাদ!',
    'voteChanged.down': 'আপনার ভোট 👎-এ বদলানো হয়েছে। ধন্যবাদ — এতে উত্তরগুলো আরও ভালো হবে।',
    voteSame: 'এই উত্তরে আপনি আগেই এই ভোট দিয়েছেন; আপনার ভোট একবারই গোনা হয়।',
  },
  ru: {
    busy: 'Сейчас я отвечаю на много вопросов. Пожалуйста, повторите чуть позже.',
    llmFallback: 'Языковая модель не смогла ответить (код ошибки {{errorId}}); вместо этого показан ответ из цитат.',
    llmTimeout: 'Языковая модель не ответила вовремя (код ошибки {{errorId}}); вместо этого показан ответ из цитат.',
    'voteRecorded.up': 'Спасибо — рад, что помогло! 👍',
    'voteRecorded.down': 'Спасибо — учтено, это помогает улучшать ответы. 👎',
    'voteChanged.up': 'Ваш голос изменён на 👍. Спасибо!',
    'voteChanged.down': 'Ваш голос изменён на 👎. Спасибо — это помогает улучшать ответы.',
    voteSame: 'Вы уже так проголосовали за этот ответ; ваш голос учитывается один раз.',
  },
};
