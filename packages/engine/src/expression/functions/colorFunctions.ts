import { toNumber } from '../../value/toNumber.js';
import { Dual, type Value } from '../../value/Value.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';

/** A color component clamped to 0–255; NaN when it is no number. */
function component(v: Value | undefined): number {
  const n = Math.round(toNumber(v ?? null));
  return Number.isNaN(n) ? NaN : Math.min(255, Math.max(0, n));
}

/**
 * A color as Qlik hands it to charts: the text 'RGB(r,g,b)' (or
 * 'ARGB(a,r,g,b)' when it is not opaque, or always for the functions Qlik
 * documents as answering ARGB, such as ColorMix1) with the ARGB integer as
 * number.
 */
function color(alpha: number, r: number, g: number, b: number, argbText = false): Value {
  if ([alpha, r, g, b].some(Number.isNaN)) return null;
  const argb = alpha * 2 ** 24 + r * 65536 + g * 256 + b;
  const text = alpha === 255 && !argbText ? `RGB(${r},${g},${b})` : `ARGB(${alpha},${r},${g},${b})`;
  return new Dual(text, argb);
}

/** The alpha, red, green and blue parts of a color value (its ARGB number). */
function partsOf(v: Value | undefined): [number, number, number, number] | undefined {
  const n = toNumber(v ?? null);
  if (!Number.isFinite(n) || n < 0) return undefined;
  return [
    Math.floor(n / 2 ** 24) % 256,
    Math.floor(n / 65536) % 256,
    Math.floor(n / 256) % 256,
    n % 256,
  ];
}

/** A named color with an optional alpha (0–255) argument. */
function named(r: number, g: number, b: number): FunctionEntry {
  return fn(
    0,
    1,
    (args) => color(args[0] === undefined ? 255 : component(args[0]), r, g, b),
    '[alpha]',
  );
}

/** HSL to RGB, each part 0–1 in, 0–255 out. */
function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const hue = (t: number, p: number, q: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  if (s === 0) return [l, l, l].map((x) => Math.round(x * 255)) as [number, number, number];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  return [hue(h + 1 / 3, p, q), hue(h, p, q), hue(h - 1 / 3, p, q)].map((x) =>
    Math.round(x * 255),
  ) as [number, number, number];
}

/** The color a fraction of the way from one color to another, part by part, written as ARGB (the ColorMix pages' results). */
function mix(from: Value | undefined, to: Value | undefined, fraction: number): Value {
  const a = partsOf(from);
  const b = partsOf(to);
  if (!a || !b || Number.isNaN(fraction)) return null;
  const f = Math.min(1, Math.max(0, fraction));
  const [alpha, r, g, bl] = a.map((part, i) => Math.round(part + (b[i]! - part) * f));
  return color(alpha!, r!, g!, bl!, true);
}

/** The "jet" color map: blue through cyan, yellow and red as x goes from 0 to 1. */
function jet(x: number): Value {
  const channel = (center: number) =>
    Math.round(255 * Math.min(1, Math.max(0, 1.5 - Math.abs(4 * x - center))));
  return color(255, channel(3), channel(2), channel(1));
}

/** Color functions: RGB, ARGB, HSL, ColorMix1, ColorMix2, ColorMapHue, ColorMapJet and the named colors. */
export const COLOR_FUNCTIONS = functionFamily('CLR', {
  RGB: fn(3, 3, ([r, g, b]) => color(255, component(r), component(g), component(b)), 'r, g, b'),
  ARGB: fn(
    4,
    4,
    ([a, r, g, b]) => color(component(a), component(r), component(g), component(b)),
    'alpha, r, g, b',
  ),
  HSL: fn(
    3,
    3,
    ([h, s, l]) => {
      const [hue, sat, lum] = [h, s, l].map((v) => toNumber(v ?? null));
      if ([hue, sat, lum].some((x) => !(x! >= 0 && x! <= 1))) return null;
      return color(255, ...hslToRgb(hue!, sat!, lum!));
    },
    'hue, saturation, luminosity',
  ),
  ColorMix1: fn(
    3,
    3,
    ([v, zero, one]) => mix(zero, one, toNumber(v ?? null)),
    'Value, ColorZero, ColorOne',
  ),
  ColorMix2: fn(
    3,
    4,
    ([v, minusOne, one, zero]) => {
      const x = toNumber(v ?? null);
      if (Number.isNaN(x)) return null;
      const middle = zero ?? mix(minusOne, one, 0.5);
      return x < 0 ? mix(middle, minusOne, -x) : mix(middle, one, x);
    },
    'Value, ColorMinusOne, ColorOne [, ColorZero]',
  ),
  ColorMapHue: fn(
    1,
    1,
    ([v]) => {
      const x = toNumber(v ?? null);
      return Number.isNaN(x)
        ? null
        : color(255, ...hslToRgb(Math.min(1, Math.max(0, x)) * (5 / 6), 1, 0.5));
    },
    'x',
  ),
  ColorMapJet: fn(
    1,
    1,
    ([v]) => {
      const x = toNumber(v ?? null);
      return Number.isNaN(x) ? null : jet(Math.min(1, Math.max(0, x)));
    },
    'x',
  ),
  Black: named(0, 0, 0),
  Blue: named(0, 0, 128),
  Brown: named(128, 128, 0),
  Cyan: named(0, 128, 128),
  DarkGray: named(128, 128, 128),
  Green: named(0, 128, 0),
  LightBlue: named(0, 0, 255),
  LightCyan: named(0, 255, 255),
  LightGray: named(192, 192, 192),
  LightGreen: named(0, 255, 0),
  LightMagenta: named(255, 0, 255),
  LightRed: named(255, 0, 0),
  Magenta: named(128, 0, 128),
  Red: named(128, 0, 0),
  White: named(255, 255, 255),
  Yellow: named(255, 255, 0),
});
