import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../validation/zod.ts';
import { jsonOf, setting, text } from '../config/settings.ts';
import type { EmailBrand } from '../mail/email-frame.tsx';
import { ROUTES, routeUrl } from '../web/routes.ts';

/**
 * The business's branding as the functions receive it (the deployment config's `branding`,
 * already validated): an accent colour, a Reply-To for customer emails, and a logo either at
 * an https URL or shipped with the deploy and served by the API at {@link ROUTES.brandLogo}.
 */
export const ZBrandSetting = z.object({
  colour: z.optional(z.string().check(z.regex(/^#[0-9a-f]{6}$/i))),
  replyTo: z.optional(z.email()),
  logo: z.optional(z.union([z.object({ url: z.url() }), z.object({ file: z.string().check(z.regex(/^[\w.-]+$/)) })])),
});
export type TBrandSetting = z.output<typeof ZBrandSetting>;

export const BRANDING = setting('BRANDING', jsonOf(ZBrandSetting));
/** Where the http-api function finds a logo shipped with the deploy. */
export const BRAND_DIR = setting('BRAND_DIR', text);

/** A served logo's content type, from its file name (the config allows only these). */
export const LOGO_TYPES: Readonly<Record<string, string>> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

/**
 * What pages and emails show: the name, the colour (as `brandSettingFrom` wrote it into the
 * setting, lowercased), and the logo's URL (absolute for emails; for pages, `''` gives the
 * path on their own origin).
 */
export function brandOf(branding: TBrandSetting, businessName: string, publicBaseUrl: string | undefined): EmailBrand {
  const logo = branding.logo;
  const logoUrl = logo && 'url' in logo ? logo.url : logo && publicBaseUrl !== undefined ? routeUrl(publicBaseUrl, ROUTES.brandLogo, {}) : undefined;
  return { name: businessName, ...(branding.colour ? { colour: branding.colour } : {}), ...(logoUrl ? { logoUrl } : {}) };
}

/**
 * What the web frame needs for the pages: the brand, with a served logo at its path on this
 * origin, and the logo's bytes read once from `logoDir` (the bundle's, or config/ locally).
 */
export function siteBrandFrom(branding: TBrandSetting, businessName: string, logoDir: string): { brand: EmailBrand; logo?: { bytes: Uint8Array; contentType: string } } {
  const brand = brandOf(branding, businessName, '');
  const logo = branding.logo;
  if (!logo || !('file' in logo)) return { brand };
  const type = LOGO_TYPES[logo.file.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
  return { brand, logo: { bytes: new Uint8Array(readFileSync(join(logoDir, logo.file))), contentType: type } };
}
