/**
 * The two ways a request to the desk is refused before it is acted on. Classes, so the route can
 * tell them from a bug (`instanceof`) and answer 413 or 400 instead of 500.
 */

/** The body went past its limit; reading stopped there (the rest is never buffered). */
export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'TooLarge';
  }
}

/** The request is malformed: a body that is not UTF-8, an id that is not a date or page number. */
export class BadRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadRequest';
  }
}
