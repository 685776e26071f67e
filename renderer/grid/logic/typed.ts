import {
  parseEnum,
  valuesOf,
  VOCABULARIES,
  type EnumEntry,
  type VocabularyName,
} from '../../../shared/enums';

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * The value a list cell takes from what the user typed, in either language: a code, a label
 * or an alias (“市级”, “city”, “city-level”) exactly, else the first value one of whose names
 * starts with it (“ci” → city); null when nothing fits.
 */
export function typedEnum(vocabulary: VocabularyName, typed: string): string | null {
  const text = fold(typed);
  if (text === '') return null;
  const exact = parseEnum(vocabulary, typed);
  if (exact) return exact;
  const entries = VOCABULARIES[vocabulary] as Record<string, EnumEntry>;
  for (const value of valuesOf(vocabulary)) {
    const e = entries[value];
    if (e && [value, e.en, e.zh, ...(e.aliases ?? [])].some((n) => fold(n).startsWith(text)))
      return value;
  }
  return null;
}
