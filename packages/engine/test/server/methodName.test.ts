import { describe, expect, it } from 'vitest';
import { isGetter, isMethod, lowerMethodName } from '../../src/server/protocol/methodName.js';

describe('method names, matched in any case', () => {
  it('isGetter answers as /^get/i does', () => {
    for (const name of ['GetLayout', 'getlayout', 'GETLAYOUT', 'gEt', 'Get', 'GetHyperCubeData'])
      expect([name, isGetter(name)]).toEqual([name, /^get/i.test(name)]);
    for (const name of ['', 'ge', 'Fet', '@et', 'Gé', 'SelectValues', 'SetGet', 'G\u0130t'])
      expect([name, isGetter(name)]).toEqual([name, false]);
  });

  it('isMethod answers as comparing the lower-cased name does', () => {
    const names = [
      'GetHyperCubeData',
      'gethypercubedata',
      'GETHYPERCUBEDATA',
      'GetHyperCubeDat',
      'GetHyperCubeDataX',
      'GetLayout',
      'GetHyperCube[ata',
      'GetHyperCube\u0130ata',
      '',
    ];
    for (const name of names)
      expect([name, isMethod(name, 'gethypercubedata')]).toEqual([
        name,
        name.toLowerCase() === 'gethypercubedata',
      ]);
  });

  it('lowerMethodName lower-cases any spelling, as toLowerCase does', () => {
    for (const name of ['GetLayout', 'getLayout', 'GETLAYOUT', 'getlayout', 'Get\u0130tem', ''])
      expect(lowerMethodName(name)).toBe(name.toLowerCase());
    // Asked again, the same spelling gives the same answer.
    expect(lowerMethodName('GetLayout')).toBe('getlayout');
  });
});
