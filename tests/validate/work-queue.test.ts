/**
 * The order in which a pool thread checks its own addons: those whose parses it kept first (their
 * memory goes soonest), then the others, each part costliest first, so that the addons other
 * threads help with at the end are the small ones.
 */
import { describe, expect, it } from 'vitest';
import { checkOrder } from '../../src/validate/work-queue.js';

describe('checkOrder', () => {
  it('puts kept addons first, then the costliest first within each part', () => {
    const cost = new Map([
      [3, 5],
      [7, 40],
      [8, 1],
      [10, 90],
      [12, 30],
    ]);
    expect(checkOrder(cost, new Set([8, 12]))).toEqual([12, 8, 10, 7, 3]);
  });

  it('breaks ties by folder order, so every thread derives the same list', () => {
    const cost = new Map([
      [5, 2],
      [1, 2],
      [3, 2],
    ]);
    expect(checkOrder(cost, new Set())).toEqual([1, 3, 5]);
  });

  it('orders by cost alone when every parse was kept', () => {
    const cost = new Map([
      [0, 1],
      [1, 3],
      [2, 2],
    ]);
    expect(checkOrder(cost, new Set([0, 1, 2]))).toEqual([1, 2, 0]);
  });
});
