// The evaluation question files (JSON Lines, format: ../shared/eval/README.md).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const evalQuestionSchema = z.object({
  id: z.string().min(1),
  lang: z.string().min(2),
  question: z.string().trim().min(1),
  /** A cited article is the right one when its text contains one of these. */
  expect: z.array(z.string().min(1)),
  /** Groups of alternatives: the answer or its cited passages should contain one string of every group. */
  facts: z.array(z.array(z.string().min(1)).min(1)),
  answerable: z.boolean(),
  /** Kind of question (dev-2.jsonl and later files): who, when, where, how-many, what, which, list, yes-no. */
  type: z.enum(['who', 'when', 'where', 'how-many', 'what', 'which', 'list', 'yes-no']).optional(),
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

/** Parses a question file; any bad line fails with the file, the line number and what is wrong. */
export function parseQuestions(text: string, file: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not valid JSON (${(error as Error).message}). Each line must be one JSON object.`, {
        cause: error,
      });
    }
    const parsed = evalQuestionSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(
        `${where}: field "${issue.path.join('.') || '(line)'}": ${issue.message}. See ../shared/eval/README.md for the format.`,
      );
    }
    const q = parsed.data;
    if (ids.has(q.id)) throw new Error(`${where}: duplicate id "${q.id}"; ids must be unique within a file.`);
    if (q.answerable && q.expect.length === 0)
      throw new Error(`${where}: answerable question "${q.id}" needs at least one "expect" marker.`);
    ids.add(q.id);
    questions.push(q);
  });
  if (questions.length === 0) throw new Error(`${file}: no questions (expected one JSON object per line).`);
  return questions;
}

export async function loadQuestions(file: string): Promise<EvalQuestion[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read the questions file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Pass an existing file with --questions.`,
      { cause: error },
    );
  }
  return parseQuestions(text, file);
}
