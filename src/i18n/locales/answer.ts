// Texts of an answer: not-found, the sources heading.
import type { Namespace } from '../index.ts';

type Key = 'notFound' | 'sources';

export const answer: Namespace<Key> = {
  en: { notFound: 'I found nothing about that in the corpus.', sources: 'Sources:' },
  hi: { notFound: 'संग्रह में इसके बारे में मुझे कुछ नहीं मिला।', sources: 'स्रोत:' },
  bn: { notFound: 'সংগ্রহে এ বিষয়ে আমি কিছু পাইনি।', sources: 'সূত্র:' },
  ru: { notFound: 'В корпусе я ничего об этом не нашёл.', sources: 'Источники:' },
};
