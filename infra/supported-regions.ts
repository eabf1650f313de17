import { InvalidInputError } from '../shared/platform/config/zod-issues.ts';

/**
 * Regions known to offer everything the stack uses: the SES v2 API (configuration sets with
 * event destinations), EventBridge Scheduler, and Lambda's `nodejs24.x` runtime on arm64.
 * A Region that gains them can be allowed in config (`additionalRegions`) before this list
 * is updated.
 */
export const SUPPORTED_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1',
  'af-south-1', 'il-central-1', 'me-south-1',
  'ap-south-1', 'ap-south-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
];

/** Refuses, at synth, a Region the stack could not work in, naming what it lacks and the way out. */
export function refuseUnsupportedRegion(region: string, additionalRegions: readonly string[]): void {
  if (SUPPORTED_REGIONS.includes(region) || additionalRegions.includes(region)) return;
  throw new InvalidInputError(`Region ${region}`, [
    `it is not one where the stack is known to work: it needs Amazon SES (v2 API), EventBridge Scheduler and Lambda's nodejs24.x runtime on arm64`,
    `deploy to one of ${SUPPORTED_REGIONS.join(', ')}; or, if ${region} now has all three, add it to "additionalRegions" in the config`,
  ]);
}
