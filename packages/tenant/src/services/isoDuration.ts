import { ApiError } from '../server/ApiError.js';

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO 8601 duration (`P7D`, `PT12H`, `P1Y2M`) in milliseconds; years and months count 365 and 30 days. */
export function parseIsoDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T'))
    throw ApiError.badRequest(`"${text}" is not an ISO 8601 duration such as P7D`);
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) =>
    Number(part ?? 0),
  );
  const dayCount = years! * 365 + months! * 30 + weeks! * 7 + days!;
  return ((dayCount * 24 + hours!) * 60 + minutes!) * 60_000 + seconds! * 1000;
}
