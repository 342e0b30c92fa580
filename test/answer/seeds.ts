// Passages made from the seed articles of corpus/ (front matter + whole body as one chunk), so answer tests
// read the real articles without building an index.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Passage, Retrieval } from '../../src/retrieve/types.ts';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');

export function seedPassage(file: string, relevance = 0.9): Passage {
  const { data, content } = matter(readFileSync(join(CORPUS, file), 'utf8'));
  const text = content.trim();
  const docId = file.replace(/\.md$/, '');
  return {
    relevance,
    chunk: {
      id: `${docId}#0`,
      docId,
      index: 0,
      path: file,
      title: String(data.title),
      source: String(data.source),
      language: String(data.language),
      ...(data.date
        ? { date: data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date) }
        : {}),
      institutions: (data.institutions as string[] | undefined) ?? [],
      text,
      start: 0,
      end: text.length,
    },
  };
}

export const found = (question: string, passages: Passage[]): Retrieval => ({ question, passages, found: true });

export const SEEDS = {
  en: 'iit-kharagpur-aiims-kalyani-mou-en.md',
  enHospitals: 'hkust-zhejiang-university-hospitals-mous-en.md',
  hi: 'ksssci-rmlims-cancer-mou-hi.md',
  bn: 'iit-kharagpur-healthcare-skills-school-bn.md',
  ru: 'russia-china-medical-universities-digital-medicine-ru.md',
} as const;
