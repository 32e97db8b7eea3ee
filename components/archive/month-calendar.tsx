/** A month as a calendar grid: days with an issue link to it; the others say there is none. */
import { Link } from '@/components/common/link';
import { getTranslations } from 'next-intl/server';
import { addMonths, daysInMonth, formatDateShort, formatMonth, isoDate, weekday } from '@/lib/date';
import { archivePath, issuePath } from '@/lib/content/urls';
import { CalendarKeys } from './calendar-keys';

type Props = {
  locale: string;
  year: number;
  month: number;
  /** Dates (YYYY-MM-DD) that have an issue. */
  issueDates: ReadonlySet<string>;
  /** The date to mark (the latest issue). */
  current?: string;
};

export async function MonthCalendar({ locale, year, month, issueDates, current }: Props) {
  const t = await getTranslations('Archive');
  const label = formatMonth(year, month, locale);
  const first = weekday(isoDate(year, month, 1));
  const total = daysInMonth(year, month);
  const cells: (number | null)[] = [...Array<null>(first).fill(null)];
  for (let d = 1; d <= total; d++) cells.push(d);
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const prev = addMonths(year, month, -1);
  const next = addMonths(year, month, 1);
  const weekdays = t('weekdays').split(',');

  return (
    <CalendarKeys>
      <div className="mb-2 flex items-center justify-between font-sans">
        <Link rel="prev" href={archivePath(locale, prev.year, prev.month)}>
          ‹ {t('prevMonth')}
        </Link>
        <h2 id="calendar-title" className="text-lg font-black">
          {label}
        </h2>
        <Link rel="next" href={archivePath(locale, next.year, next.month)}>
          {t('nextMonth')} ›
        </Link>
      </div>
      <table className="calendar" aria-labelledby="calendar-title">
        <caption className="sr-only">{t('calendar', { month: label })}</caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => {
                if (day === null) return <td key={d} />;
                const date = isoDate(year, month, day);
                const name = formatDateShort(date, locale);
                return (
                  <td key={d}>
                    {issueDates.has(date) ? (
                      <Link
                        href={issuePath(locale, date)}
                        data-day={day}
                        aria-label={`${name} ${t('hasIssue')}`}
                        aria-current={date === current ? 'date' : undefined}
                      >
                        {day}
                      </Link>
                    ) : (
                      <span data-day={day} tabIndex={-1} aria-label={`${name} ${t('noIssue')}`}>
                        {day}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 font-sans text-xs text-muted">{t('calendarHelp')}</p>
    </CalendarKeys>
  );
}
