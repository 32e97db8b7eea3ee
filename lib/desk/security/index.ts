/**
 * The desk's security primitives, free of Next.js and of any request type: who may sign in, the
 * signed session cookie, CSRF and origin checks, the sign-in rate limit, bounded body reading and
 * the checked ids that page paths are built from. The /desk routes compose these.
 */
export {
  deskConfig,
  editorName,
  formatPasswordHash,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  MIN_SECRET_LENGTH,
  MIN_TOKEN_LENGTH,
  parsePasswordHash,
  parseUsersFile,
  verifyCredentials,
  type DeskConfig,
  type PasswordHash,
  type ReadFile,
} from './config';
export {
  clearSessionCookie,
  issueSession,
  readSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  sessionCookie,
  sessionKey,
  type DeskSession,
} from './session';
export { checkCsrf, csrfToken, sameOrigin, type OriginHeaders } from './csrf';
export { SignInLimiter, type LimitCheck, type SignInLimiterOptions } from './limiter';
export { parseForm, readLimited } from './body';
export { isIsoDate, isPageNumber, pageFiles, type PageFiles } from './ids';
export { BadRequest, TooLarge } from './errors';
