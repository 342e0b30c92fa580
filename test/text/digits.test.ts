import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiDigits, digitsValue, localDigits } from '../../src/text/digits.ts';

describe('digits', () => {
  test('native digits of every listed block read as ASCII', () => {
    assert.equal(asciiDigits('১৫০ জন, २४ सितंबर, ٣'), '150 জন, 24 सितंबर, 3');
    assert.equal(digitsValue('१५०'), 150);
    assert.ok(Number.isNaN(digitsValue('1a')));
  });

  test('answers write Bengali digits for Bengali askers and ASCII for the others', () => {
    assert.equal(localDigits('150', 'bn'), '১৫০');
    assert.equal(localDigits('১৫০', 'en'), '150');
    assert.equal(localDigits('२४', 'hi'), '24');
    assert.equal(localDigits('70', 'ru'), '70');
  });
});
