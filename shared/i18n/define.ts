type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * A feature's strings in both languages, kept beside each other so a missing Chinese key is a
 * compile error. Each feature owns its top-level keys (`letters.*`, `report.*`); `index.ts`
 * merges them into the resources.
 */
export function defineStrings<const T extends Record<string, unknown>>(strings: {
  en: T;
  zh: Widen<T>;
}) {
  return strings;
}
