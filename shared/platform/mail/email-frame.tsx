import type { Child } from 'hono/jsx';

/** Who an email is from, as the reader sees it: name, and optionally a logo and an accent colour. */
export interface EmailBrand {
  readonly name: string;
  /** An absolute https URL of the logo image. */
  readonly logoUrl?: string | undefined;
  /** The accent colour (#rrggbb). The deployment config refuses one without AA contrast against white (`branding-setting.ts`). */
  readonly colour?: string | undefined;
}

/** The pages' and emails' blue when a business chooses no colour. */
export const DEFAULT_ACCENT = '#0b5cad';

// Hidden, but still read by mail clients as the inbox preview line; the padding of
// non-breaking spaces stops a client filling the preview with the start of the body.
const PREHEADER_STYLE = 'display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;color:#f6f7f9';

/**
 * The shell every product email shares: one fluid column (100 % wide up to 600 px, so it
 * reads at 320 px with no sideways scroll and does not fall back to a 980 px layout on a
 * phone), inline styles only, presentation tables, a preheader for the inbox preview, and
 * the business's name with its logo and colour at the top when it has them.
 */
export function EmailFrame(props: { title: string; preheader?: string; lang?: string; fontSize?: number; brand?: EmailBrand | undefined; children?: Child }) {
  const accent = props.brand?.colour ?? DEFAULT_ACCENT;
  return (
    <html lang={props.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" />
        <title>{props.title}</title>
      </head>
      <body style={`margin:0;padding:0;background:#f6f7f9;font:${props.fontSize ?? 14}px/1.5 Arial,sans-serif;color:#1b1f24;word-wrap:break-word;overflow-wrap:break-word`}>
        {props.preheader && <div style={PREHEADER_STYLE}>{props.preheader}{'\u00a0\u200c'.repeat(40)}</div>}
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;background:#f6f7f9">
          <tr>
            <td style="padding:8px">
              <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={`width:100%;max-width:600px;margin:0 auto;background:#ffffff;border-top:4px solid ${accent}`}>
                {props.brand && (
                  <tr>
                    <td style="padding:12px 12px 0">
                      <header>
                        <BrandLine brand={props.brand} />
                      </header>
                    </td>
                  </tr>
                )}
                <tr>
                  <td style="padding:4px 12px 12px">
                    <main>{props.children}</main>
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

function BrandLine(props: { brand: EmailBrand }) {
  const { brand } = props;
  // The image carries the name as its alt text, so a client blocking images still shows who it is from.
  return brand.logoUrl ? (
    <img src={brand.logoUrl} alt={brand.name} height="40" style="display:block;height:40px;width:auto;max-width:100%;border:0" />
  ) : (
    <p style={`margin:0;font-weight:bold;font-size:16px;color:${brand.colour ?? DEFAULT_ACCENT}`}>{brand.name}</p>
  );
}

/** A call to action as a solid button in the accent colour (white text: the colour keeps AA against it). */
export function buttonStyle(accent = DEFAULT_ACCENT): string {
  return `display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:4px;background:${accent};color:#ffffff;text-decoration:none;font:bold 14px Arial,sans-serif`;
}

/** The rendered email as a document string. */
export function emailDocument(element: { toString(): string }): string {
  return `<!doctype html>${element.toString()}`;
}
