import { describeErrors } from './api';

describe('describeErrors', () => {
  it('tells a refused token to sign in again', () => {
    expect(describeErrors([{ message: 'Invalid token',
      extensions: { code: 'UNAUTHENTICATED' } }]))
      .toBe('Not signed in: the token is missing, invalid or expired. '
        + 'Paste a new token.');
  });

  it('says what the token may not do, in the gateway\'s words', () => {
    expect(describeErrors([{ message: 'Only the managing zone may',
      extensions: { code: 'FORBIDDEN' } }]))
      .toBe('Not allowed for this token: Only the managing zone may');
  });

  it('says when to try again after a rate limit', () => {
    expect(describeErrors([{ message: 'Too many operations',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } }]))
      .toBe('Too many requests: try again in 7 s.');
  });

  it('keeps any other message with its code, each sentence once', () => {
    const error = { message: 'The bng subgraph failed to answer',
      extensions: { code: 'SUBGRAPH_UNAVAILABLE' } };
    expect(describeErrors([error, error]))
      .toBe('The bng subgraph failed to answer (SUBGRAPH_UNAVAILABLE)');
  });
});
