// What the sign-in screen says for each way checking a key can fail. Sign-in has its own
// wording: a refused key here is a typo or a deleted key, not an expired session.
import { AppError } from '../../../shared/app-error';
import { describeError, type FriendlyError } from '../../../shared/error-kinds';

export function signInErrorCopy(error: unknown): Pick<FriendlyError, 'title' | 'message'> {
  const data = error instanceof AppError ? error.toData() : { kind: 'internal' as const, message: String(error) };
  switch (data.kind) {
    case 'unauthorized':
      return {
        title: 'That API key was not accepted',
        message: "Ouro didn't recognise this key. Check that you copied all of it, and that it hasn't been deleted in your Ouro settings.",
      };
    case 'network':
      return { title: "Can't reach Ouro", message: 'Check your internet connection (and the API URL under Advanced), then try again.' };
    case 'timeout':
      return { title: 'Ouro took too long to answer', message: 'Your connection may be slow, or Ouro is busy. Try again in a moment.' };
    case 'server':
      return {
        title: 'Ouro is having trouble',
        message: `Ouro couldn't check your key right now${data.status ? ` (HTTP ${data.status})` : ''}. This is on Ouro's side; try again in a little while.${data.requestId ? ` Request id for Ouro support: ${data.requestId}.` : ''}`,
      };
    case 'invalid-input':
      // The API URL (Advanced): the message says exactly what is wrong with it.
      return { title: 'Check the API URL', message: data.message };
    case 'cancelled':
      return { title: 'The API address was not confirmed', message: data.message };
    case 'rate-limited':
      return {
        title: 'Too many attempts',
        message: `Ouro asked us to slow down. Try again in ${Math.max(1, Math.ceil(data.retryAfterSeconds ?? 30))} s.`,
      };
    default:
      return describeError(data);
  }
}
