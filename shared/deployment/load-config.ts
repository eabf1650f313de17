import { join } from 'node:path';
import { parseOrThrow } from '../platform/config/zod-issues.ts';
import { ZDeploymentConfig, type TDeploymentConfig } from './deployment-config.ts';
import { DEFAULT_CONFIG_DIR, readJsonFile } from '../platform/config/config-files.ts';

/** The deployment's settings, validated; `cdk deploy`, `npm start` and the CLI read the same file. */
export function loadDeploymentConfig(file = join(DEFAULT_CONFIG_DIR, 'feedback.config.json')): TDeploymentConfig {
  return parseOrThrow(ZDeploymentConfig, readJsonFile(file), file);
}
