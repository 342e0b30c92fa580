// Invisible characters, defined once. Two kinds, handled differently on purpose:
// - soft hyphen, zero-width space, word joiner, BOM: scrape leftovers that never mean anything; removed from
//   stored text (src/ingest) and ignored by matching;
// - zero-width non-joiner / joiner: they change how Indic text is drawn (Bengali র‍্য is typed with and without
//   ZWJ), not what it says; kept in stored text so passages render as written, ignored by matching (src/text).

/** Characters that never carry meaning. */
export const MEANINGLESS_INVISIBLES = /[\u00AD\u200B\u2060\uFEFF]/g;

/** Every invisible character, joiners included: what matching ignores. */
export const ALL_INVISIBLES = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
