import { describe, expect, it } from 'vitest';
import { localityName } from '../../shared/report/format';

describe('our locality named in the report’s language', () => {
  it('uses the registry’s own name in that language first', () => {
    expect(localityName('芜湖', { zh: '芜湖', en: 'Wuhu City' }, 'en')).toBe('Wuhu City');
    expect(localityName('Hefei', { zh: '合肥', en: null }, 'zh')).toBe('合肥');
  });

  it('falls back on the place directory for a locality recorded in the other script', () => {
    expect(localityName('芜湖市', { zh: '芜湖市', en: null }, 'en')).toBe('Wuhu');
    expect(localityName('安徽省', {}, 'en')).toBe('Anhui');
    expect(localityName('Hefei', { zh: null, en: 'Hefei' }, 'zh')).toBe('合肥市');
  });

  it('keeps the name as stored where the directory cannot say (unknown or shared names)', () => {
    expect(localityName('滨湖新区', {}, 'en')).toBe('滨湖新区');
    expect(localityName('朝阳区', {}, 'en')).toBe('朝阳区');
    expect(localityName('Nanjing', {}, 'en')).toBe('Nanjing');
    expect(localityName('南京市', {}, 'zh')).toBe('南京市');
  });
});
