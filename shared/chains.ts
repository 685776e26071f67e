import type { Level } from './enums';

/** One authority in an approval chain, named in both languages. */
export interface ChainStep {
  readonly zh: string;
  readonly en: string;
}

/**
 * The chains offices follow unless Settings say otherwise: a city's tie goes city government →
 * provincial FAO → provincial government → CPAFFC; the province's own tie goes provincial
 * government → CPAFFC; a county's adds its own government and the city's first.
 */
export const DEFAULT_CHAINS: Readonly<Record<Level, readonly ChainStep[]>> = {
  province: [
    { zh: '省人民政府', en: 'Provincial government' },
    { zh: '中国人民对外友好协会', en: 'CPAFFC' },
  ],
  city: [
    { zh: '市人民政府', en: 'City government' },
    { zh: '省外办', en: 'Provincial FAO' },
    { zh: '省人民政府', en: 'Provincial government' },
    { zh: '中国人民对外友好协会', en: 'CPAFFC' },
  ],
  county: [
    { zh: '县（区）人民政府', en: 'County government' },
    { zh: '市人民政府', en: 'City government' },
    { zh: '省外办', en: 'Provincial FAO' },
    { zh: '省人民政府', en: 'Provincial government' },
    { zh: '中国人民对外友好协会', en: 'CPAFFC' },
  ],
};
