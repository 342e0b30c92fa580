// Language of an article: the script decides for Devanagari, Bengali and Cyrillic text (trigram models
// are unreliable on short Indic samples); franc decides among the many Latin-script languages.
import { franc } from 'franc';
import { dominantScript, type Script } from '../text/script.ts';

const LANGUAGE_OF_SCRIPT: Partial<Record<Script, string>> = { devanagari: 'hi', bengali: 'bn', cyrillic: 'ru' };

/** Below this many letters franc guesses; Latin text that short is taken as English. */
const MIN_LETTERS_FOR_FRANC = 40;
/** franc reads at most 2048 characters anyway. */
const SAMPLE_LENGTH = 4000;

/** franc codes whose ICU canonical form is not the ISO 639-1 code. */
const ISO_639_1_OVERRIDES: Record<string, string> = { tgl: 'tl' };

/** ISO 639-3 (franc) to ISO 639-1 through ICU's canonical aliases (eng -> en, swh -> sw, pes -> fa). */
function toIso6391(iso6393: string): string | undefined {
  const override = ISO_639_1_OVERRIDES[iso6393];
  if (override) return override;
  try {
    const canonical = Intl.getCanonicalLocales(iso6393)[0];
    return canonical && /^[a-z]{2}$/.test(canonical) ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/**
 * ISO 639-1 code of the language `text` is written in. Devanagari -> hi, Bengali -> bn, Cyrillic -> ru;
 * other scripts go to franc; short or unrecognised Latin text is 'en'; anything else unrecognised is 'und'.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const script = dominantScript(sample);
  const byScript = LANGUAGE_OF_SCRIPT[script];
  if (byScript) return byScript;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const fallback = script === 'latin' ? 'en' : 'und';
  if (letters < MIN_LETTERS_FOR_FRANC) return fallback;
  const guess = franc(sample, { minLength: MIN_LETTERS_FOR_FRANC });
  return (guess === 'und' ? undefined : toIso6391(guess)) ?? fallback;
}
