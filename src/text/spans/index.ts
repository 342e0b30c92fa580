// Every typed span finder behind one call: the spans of the kind a question asks for.
import type { SpanKind } from '../question.ts';
import { findDates } from './dates.ts';
import { findNumbers } from './numbers.ts';
import { findPersons } from './names.ts';
import { findOrganisations } from './organisations.ts';
import { findPlaces } from './places.ts';
import type { Span, SpanContext } from './types.ts';

export type { Span, SpanContext, DateValue, NumberValue } from './types.ts';

export function findSpans(kind: SpanKind, sentence: string, context: SpanContext = {}): Span[] {
  switch (kind) {
    case 'date':
      return findDates(sentence, context);
    case 'number':
      return findNumbers(sentence);
    case 'person':
      return findPersons(sentence);
    case 'organisation':
      return findOrganisations(sentence, context);
    case 'place':
      return findPlaces(sentence, context);
    case 'text':
      return [];
  }
}
