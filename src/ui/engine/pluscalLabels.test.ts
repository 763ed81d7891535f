import { describe, expect, it } from 'vitest';
import { modulesRead } from './pluscalLabels';

describe('the modules a model reads, for their PlusCal translations', () => {
  it('follows EXTENDS and INSTANCE among the open files, once each', () => {
    const files = {
      'MC.tla': '---- MODULE MC ----\nEXTENDS Bakery,\n  TLC\nI == INSTANCE Other\n====',
      'Bakery.tla': '---- MODULE Bakery ----\nEXTENDS Naturals, MC\n====',
      'Other.tla': '---- MODULE Other ----\n====',
      'Unused.tla': '---- MODULE Unused ----\n====',
    };
    expect(modulesRead(files, 'MC').sort()).toEqual(['Bakery.tla', 'MC.tla', 'Other.tla']);
  });
});
