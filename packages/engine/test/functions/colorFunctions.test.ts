import { describe, expect, test } from 'vitest';
import { Dual } from '../../src/value/Value.js';
import { run } from '../expression/evaluateSource.js';

// Color functions: duals of 'RGB(r,g,b)' (or 'ARGB(a,r,g,b)') and the ARGB integer.

const argb = (a: number, r: number, g: number, b: number) => a * 2 ** 24 + r * 65536 + g * 256 + b;

describe('color functions', () => {
  test('RGB and ARGB', () => {
    expect(run('RGB(255, 0, 0)')).toEqual(new Dual('RGB(255,0,0)', argb(255, 255, 0, 0)));
    expect(run('ARGB(128, 0, 0, 255)')).toEqual(
      new Dual('ARGB(128,0,0,255)', argb(128, 0, 0, 255)),
    );
  });

  test('the named colors, with an optional alpha', () => {
    expect(run('Black()')).toEqual(new Dual('RGB(0,0,0)', argb(255, 0, 0, 0)));
    expect(run('LightRed()')).toEqual(new Dual('RGB(255,0,0)', argb(255, 255, 0, 0)));
    expect(run('Blue()')).toEqual(new Dual('RGB(0,0,128)', argb(255, 0, 0, 128)));
    expect(run('White(128)')).toEqual(new Dual('ARGB(128,255,255,255)', argb(128, 255, 255, 255)));
  });

  test('HSL and the color maps', () => {
    expect(run('HSL(0, 1, 0.5)')).toEqual(new Dual('RGB(255,0,0)', argb(255, 255, 0, 0)));
    expect(run('HSL(2/3, 1, 0.5)')).toEqual(new Dual('RGB(0,0,255)', argb(255, 0, 0, 255)));
    expect((run('ColorMapJet(0)') as Dual).text).toBe('RGB(0,0,128)');
    expect((run('ColorMapJet(1)') as Dual).text).toBe('RGB(128,0,0)');
    expect((run('ColorMapHue(0)') as Dual).text).toBe('RGB(255,0,0)');
  });

  test('ColorMix1 and ColorMix2 blend between colors and answer ARGB', () => {
    // The Colormix1 page: "Colormix1(0.5, red(), blue()) returns ARGB(255,64,0,64) (purple)".
    expect(run('Colormix1(0.5, red(), blue())')).toEqual(new Dual('ARGB(255,64,0,64)', 0xff400040));
    expect((run('ColorMix1(0.5, RGB(0,0,0), RGB(255,255,255))') as Dual).text).toBe(
      'ARGB(255,128,128,128)',
    );
    // Halfway between the middle (red and blue mixed) and red.
    expect((run('Colormix2(-0.5, red(), blue())') as Dual).text).toBe('ARGB(255,96,0,32)');
    expect((run('ColorMix2(-1, RGB(255,0,0), RGB(0,255,0))') as Dual).text).toBe(
      'ARGB(255,255,0,0)',
    );
    expect((run('ColorMix2(1, RGB(255,0,0), RGB(0,255,0))') as Dual).text).toBe(
      'ARGB(255,0,255,0)',
    );
    expect((run('ColorMix2(0, RGB(255,0,0), RGB(0,255,0), RGB(0,0,255))') as Dual).text).toBe(
      'ARGB(255,0,0,255)',
    );
  });
});
