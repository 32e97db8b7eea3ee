/** lib/gen: a fictional paper's raw pages with the seed's damage, and the clean pages as ground truth. */
export { createRng, type Rng } from './rng';
export { makePaper, type CleanArticle, type Paper } from './articles';
export { generatePage, generateIssue, type ExpectedPage, type GeneratedPage, type GeneratedIssue, type GenerateOptions, type Jump } from './page';
