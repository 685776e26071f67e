import { describe, expect, it } from 'vitest';
import { changeTexts } from '../../shared/audit-text';

const before = {
  id: 't1',
  version: 3,
  updated_at: '2026-01-01T00:00:00.000Z',
  stage: 'approved',
  kind: 'exchange',
  signed_place: null,
  our_signatory: '市长',
  fields: '["economy"]',
  locality_id: 'a',
  notes: 'x',
};
const after = {
  ...before,
  version: 4,
  updated_at: '2026-01-02T00:00:00.000Z',
  stage: 'established',
  signed_place: '南京',
  fields: '["economy","culture"]',
  locality_id: 'b',
};

describe('an audited edit worded for the record history', () => {
  it('names each changed field with its value before and after, in English', () => {
    expect(changeTexts(before, after, 'en')).toEqual([
      'Stage: Approved → Established',
      'Signed at: (empty) → 南京',
      'Fields: Economy and trade → Economy and trade, Culture',
      'Our locality',
    ]);
  });

  it('and in Chinese, never a column code or a stage code', () => {
    expect(changeTexts(before, after, 'zh')).toEqual([
      '阶段：已批准 → 已结好',
      '签约地点：（空） → 南京',
      '合作领域：经贸 → 经贸、文化',
      '我方',
    ]);
  });

  it('says nothing for a write that changed only its bookkeeping', () => {
    expect(changeTexts(before, { ...before, version: 9 }, 'en')).toEqual([]);
  });
});
