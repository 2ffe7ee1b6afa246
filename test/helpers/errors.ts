import { YwError } from '../../src/errors.js';

/** Runs `fn` and returns the YwError it throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): YwError {
  try {
    fn();
  } catch (error) {
    if (error instanceof YwError) return error;
    throw error;
  }
  throw new Error('expected a YwError');
}
