// Honorifics and titles that introduce a person's name in the four languages (roles such as director or
// rector count: news writes "Director AK Rao", "निदेशक प्रो. …", "ректор … Петр …").
import { foldText } from '../fold.ts';

/** Honorifics and titles, folded; a trailing "." is optional. Roles (director, rector…) count as titles. */
const TITLES = new Set(
  `prof professor dr doctor mr mrs ms shri smt sri academician director president provost rector chancellor
  vice-chancellor dean registrar superintendent secretary chairman chairperson chair minister ceo
  प्रो प्रोफेसर प्रोफ़ेसर डॉ डा डॉक्टर श्री श्रीमती सुश्री निदेशक अध्यक्ष कुलपति कुलसचिव डीन रजिस्ट्रार अधीक्षक मंत्री सचिव प्रधानाचार्य
  অধ্যাপক প্রফেসর ডঃ ডা ড ডক্টর শ্রী শ্রীমতী ডিরেক্টর অধিকর্তা উপাচার্য সভাপতি রেজিস্ট্রার মন্ত্রী সচিব অধ্যক্ষ
  профессор проф академик ректор проректор доктор директор президент председатель сопредседатель министр декан глава господин г-н`
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => foldText(t)),
);

/** Whether a word is an honorific or a title (a trailing dot is optional). */
export function isTitle(word: string): boolean {
  return TITLES.has(foldText(word).replace(/\.$/, ''));
}
