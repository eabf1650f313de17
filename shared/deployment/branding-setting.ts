import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG_DIR } from '../platform/config/config-files.ts';
import type { TBrandSetting } from '../platform/brand/brand.ts';
import type { TDeploymentConfig } from './deployment-config.ts';

/** A logo the API serves on every page view and email open: small, or it slows every page. */
export const MAX_LOGO_BYTES = 100 * 1024;

/**
 * The functions' branding setting from the deployment config, and the logo file to ship with
 * the deploy when the logo is one in config/ (checked here, at synth and at `npm start`, so a
 * missing or oversized file fails before anything is deployed).
 */
export function brandSettingFrom(branding: TDeploymentConfig['branding'], configDir = DEFAULT_CONFIG_DIR): { setting: TBrandSetting; logoFile?: string } {
  const { logo, colour, replyTo } = branding;
  const setting: TBrandSetting = { ...(colour ? { colour: colour.toLowerCase() } : {}), ...(replyTo ? { replyTo } : {}) };
  if (!logo) return { setting };
  if (/^https:/i.test(logo)) return { setting: { ...setting, logo: { url: logo } } };
  const logoFile = join(configDir, logo);
  if (!existsSync(logoFile)) throw new Error(`branding.logo: ${logo} is not in ${configDir}; put the file there or give an https URL`);
  const size = statSync(logoFile).size;
  if (size > MAX_LOGO_BYTES) throw new Error(`branding.logo: ${logo} is ${Math.round(size / 1024)} KB; keep a logo under ${MAX_LOGO_BYTES / 1024} KB`);
  return { setting: { ...setting, logo: { file: logo } }, logoFile };
}
