/** The desk server's token in the e2e runs (playwright.config.ts): a test secret, for that server only. */
export const DESK_TOKEN = 'e2e-desk-token-not-a-real-secret';
