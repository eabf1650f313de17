/**
 * Public on-demand prices used to show a period's running cost (US East, N. Virginia), with
 * the date they were read. Update the date with the figures.
 */
export const PRICE_TABLE = {
  asOf: '2026-11-01',
  source: 'AWS public pricing pages, us-east-1, on-demand',
  sesPerThousandEmails: 0.1,
  dynamoDbPerMillionWriteUnits: 0.625,
  dynamoDbPerMillionReadUnits: 0.125,
  httpApiPerMillionRequests: 1.0,
  lambdaPerMillionRequests: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
} as const;

/**
 * What each response and each email costs to handle, from the operations the pipeline does:
 * an answer is ~2 HTTP requests, ~2 Lambda invocations of ~100 ms at 256 MB, and ~4 write and
 * ~3 read units; an email is one SES message, one queue hop and ~2 writes.
 */
const PER_RESPONSE =
  (2 * PRICE_TABLE.httpApiPerMillionRequests + 2 * PRICE_TABLE.lambdaPerMillionRequests + 4 * PRICE_TABLE.dynamoDbPerMillionWriteUnits + 3 * PRICE_TABLE.dynamoDbPerMillionReadUnits) / 1e6 +
  2 * 0.1 * 0.25 * PRICE_TABLE.lambdaArmPerGbSecond;
const PER_EMAIL = PRICE_TABLE.sesPerThousandEmails / 1000 + (PRICE_TABLE.lambdaPerMillionRequests + 2 * PRICE_TABLE.dynamoDbPerMillionWriteUnits) / 1e6;

export function periodCost(emails: number, responses: number): { emails: number; responses: number; dollars: number; perThousandResponses: number; priceTableAsOf: string } {
  return {
    emails,
    responses,
    dollars: emails * PER_EMAIL + responses * PER_RESPONSE,
    perThousandResponses: 1000 * PER_RESPONSE,
    priceTableAsOf: PRICE_TABLE.asOf,
  };
}
