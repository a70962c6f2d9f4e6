import { describe, expect, it } from 'vitest';
import { placeNameEn } from '../../src/messages/placeNameEn.js';

describe('placeNameEn', () => {
  it('writes Chinese place names in pinyin with the suffix in English', () => {
    expect(placeNameEn('东昌府区')).toBe('Dongchangfu District');
    expect(placeNameEn('东阿县')).toBe("Dong'e County");
    expect(placeNameEn('滨州市')).toBe('Binzhou');
    expect(placeNameEn('山东省')).toBe('Shandong');
    expect(placeNameEn('朝城镇')).toBe('Chaocheng Town');
    expect(placeNameEn('聊城高新区')).toBe('Liaocheng High-tech Zone');
    expect(placeNameEn('新疆维吾尔自治区')).toBe('Xinjiang');
  });
  it('leaves names without Chinese characters alone', () => {
    expect(placeNameEn('Paris')).toBe('Paris');
    expect(placeNameEn('')).toBe('');
  });
});
