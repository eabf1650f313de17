import { join } from 'node:path';
import { ZDeploymentConfig, type TDeploymentConfig } from './deployment-config.ts';
import { DEFAULT_CONFIG_DIR, parseJsonFile } from '../platform/config/config-files.ts';

/** The deployment's settings, validated; `cdk deploy`, `npm start` and the CLI read the same file. */
export function loadDeploymentConfig(file = join(DEFAULT_CONFIG_DIR, 'feedback.config.json')): TDeploymentConfig {
  return parseJsonFile(ZDeploymentConfig, file);
}
