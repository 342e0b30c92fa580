// Button custom_ids: the only state a button carries (Discord limits them to 100 characters), so they
// name the action and the key of what it acts on.

export type ComponentAction =
  | { kind: 'passages'; answerId: string }
  | { kind: 'vote'; vote: 'up' | 'down'; answerId: string }
  | { kind: 'sources'; page: number };

export function encodeCustomId(action: ComponentAction): string {
  switch (action.kind) {
    case 'passages':
      return `answer:passages:${action.answerId}`;
    case 'vote':
      return `answer:vote:${action.vote}:${action.answerId}`;
    case 'sources':
      return `sources:page:${action.page}`;
  }
}

/** The action a custom_id names, or null for ids this bot did not make (or an older format). */
export function parseCustomId(customId: string): ComponentAction | null {
  const parts = customId.split(':');
  if (parts[0] === 'answer' && parts[1] === 'passages' && parts.length === 3 && parts[2]) {
    return { kind: 'passages', answerId: parts[2] };
  }
  if (
    parts[0] === 'answer' &&
    parts[1] === 'vote' &&
    parts.length === 4 &&
    (parts[2] === 'up' || parts[2] === 'down') &&
    parts[3]
  ) {
    return { kind: 'vote', vote: parts[2], answerId: parts[3] };
  }
  if (parts[0] === 'sources' && parts[1] === 'page' && parts.length === 3 && /^\d{1,6}$/.test(parts[2] ?? '')) {
    return { kind: 'sources', page: Number(parts[2]) };
  }
  return null;
}
