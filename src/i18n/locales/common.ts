// Language names, as the reader of each language writes them.
import type { Namespace } from '../index.ts';

export const common: Namespace<'language.en' | 'language.hi' | 'language.bn' | 'language.ru'> = {
  en: { 'language.en': 'English', 'language.hi': 'Hindi', 'language.bn': 'Bengali', 'language.ru': 'Russian' },
  hi: { 'language.en': 'अंग्रेज़ी', 'language.hi': 'हिन्दी', 'language.bn': 'बांग्ला', 'language.ru': 'रूसी' },
  bn: { 'language.en': 'ইংরেজি', 'language.hi': 'হিন্দি', 'language.bn': 'বাংলা', 'language.ru': 'রুশ' },
  ru: { 'language.en': 'английский', 'language.hi': 'хинди', 'language.bn': 'бенгальский', 'language.ru': 'русский' },
};
