import { describe, expect, it } from 'vitest';
import { gradeNumber, NotANumberError } from '../../../electron/exercises/grade-number.js';

const meanParcels = { answer: 395.67, tolerance: 0.01, unit: 'parcels' };

describe('grading a number exercise', () => {
  it.each([
    ['395.67', true],
    ['395,67', true],
    ['395.68', true],
    ['395,66', true],
    ['395.665', true],
    ['395.69', false],
    ['395.6', false],
    ['396', false],
    ['-395.67', false],
    ['395,67 parcels', true],
  ])('%j is %s with a tolerance of 0.01', (typed, correct) => {
    expect(gradeNumber(meanParcels, typed).correct).toBe(correct);
  });

  it('is exact when the exercise gives no tolerance, without failing on binary rounding', () => {
    expect(gradeNumber({ answer: 0.3, tolerance: 0, unit: undefined }, '0.3').correct).toBe(true);
    expect(gradeNumber({ answer: 0.1 + 0.2, tolerance: 0, unit: undefined }, '0,3').correct).toBe(true);
    expect(gradeNumber({ answer: 0.3, tolerance: 0, unit: undefined }, '0.31').correct).toBe(false);
  });

  it('accepts an answer exactly on the edge of the tolerance', () => {
    expect(gradeNumber({ answer: 8.42, tolerance: 0.05, unit: '%' }, '8,47 %').correct).toBe(true);
    expect(gradeNumber({ answer: 8.42, tolerance: 0.05, unit: '%' }, '8.471').correct).toBe(false);
  });

  it('reports the value it read', () => {
    expect(gradeNumber(meanParcels, '1.234,5').outcome).toEqual({ kind: 'number', value: 1234.5 });
  });

  it('refuses text that is not a number, with a message saying what to type', () => {
    expect(() => gradeNumber(meanParcels, 'about 400')).toThrow(NotANumberError);
    expect(() => gradeNumber(meanParcels, '395.67 kg')).toThrow(/Type a number such as 395.67 or 395,67/);
  });
});
