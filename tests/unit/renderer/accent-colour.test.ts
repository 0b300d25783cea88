import { describe, expect, it } from 'vitest';
import { accentShades, contrastRatio } from '../../../renderer/src/accent-colour.js';

describe("a partner's accent colour in the interface", () => {
  it('keeps a colour that already reaches AA on white and on the page', () => {
    expect(accentShades('#8A3B12').accent).toBe('#8a3b12');
  });

  it('darkens a light brand colour until white text on it and it on the page both reach 4.5:1', () => {
    const { accent, strong } = accentShades('#ffd400');
    expect(accent).not.toBe('#ffd400');
    expect(contrastRatio(accent, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(accent, '#f7f5f0')).toBeGreaterThanOrEqual(4.5);
    // Only darker, never another hue: the channels keep their proportions (red over green, no blue).
    const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(accent.slice(at, at + 2), 16)) as [number, number, number];
    expect(b).toBe(0);
    expect(g / r).toBeCloseTo(0xd4 / 0xff, 1);
    expect(contrastRatio(strong, '#ffffff')).toBeGreaterThan(contrastRatio(accent, '#ffffff'));
  });

  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
