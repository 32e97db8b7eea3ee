/**
 * Atom feed (RFC 4287) of the latest issues' articles in one locale: each entry the article's URL,
 * headline, date, page, byline names and the start of its text.
 */
import { xmlEscape } from './xml';

export interface FeedEntry {
  url: string;
  headline: string;
  /** ISO date of the issue. */
  date: string;
  /** 第01版 要闻 or Page 01 · 要闻: the feed's category. */
  section: string;
  authors: string[];
  summary: string;
}

export interface FeedInput {
  title: string;
  subtitle: string;
  /** The feed's own URL and the site's page it follows. */
  self: string;
  home: string;
  /** xml:lang of the entries' text. */
  lang: string;
  entries: FeedEntry[];
}

/** Papers are dated in China: an issue's date is taken as its midnight in Beijing. */
export function issueTime(date: string): string {
  return `${date}T00:00:00+08:00`;
}

export function atomFeed(f: FeedInput): string {
  const updated = issueTime(
    f.entries
      .map((e) => e.date)
      .sort()
      .at(-1) ?? '1970-01-01',
  );
  const entries = f.entries.map(
    (e) =>
      `  <entry>\n` +
      `    <id>${xmlEscape(e.url)}</id>\n` +
      `    <title>${xmlEscape(e.headline)}</title>\n` +
      `    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>\n` +
      `    <published>${issueTime(e.date)}</published>\n` +
      `    <updated>${issueTime(e.date)}</updated>\n` +
      (e.authors.length
        ? e.authors.map((a) => `    <author><name>${xmlEscape(a)}</name></author>\n`).join('')
        : '') +
      `    <category term="${xmlEscape(e.section)}"/>\n` +
      `    <summary>${xmlEscape(e.summary)}</summary>\n` +
      `  </entry>\n`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(f.lang)}">\n` +
    `  <id>${xmlEscape(f.self)}</id>\n` +
    `  <title>${xmlEscape(f.title)}</title>\n` +
    `  <subtitle>${xmlEscape(f.subtitle)}</subtitle>\n` +
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(f.self)}"/>\n` +
    `  <link rel="alternate" type="text/html" href="${xmlEscape(f.home)}"/>\n` +
    `  <updated>${updated}</updated>\n` +
    // Atom needs an author for entries that name none.
    `  <author><name>${xmlEscape(f.title)}</name></author>\n` +
    entries.join('') +
    '</feed>\n'
  );
}
