import { expect } from 'vitest';

/**
 * vitest's asymmetric matchers (`expect.any`, `expect.stringMatching`, …) are typed `any`, which
 * turns the whole expected payload they sit in into `any`. These are the same matchers, typed
 * `unknown`: use them inside an expected object or array.
 */
export const match = {
  any: (constructor: unknown): unknown => expect.any(constructor),
  stringMatching: (expected: string | RegExp): unknown => expect.stringMatching(expected),
  stringContaining: (expected: string): unknown => expect.stringContaining(expected),
};
