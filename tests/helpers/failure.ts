// The AppError a promise rejects with; fails the test if it resolves or throws something else.
import { AppError } from '../../shared/app-error';

export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to fail');
}
