import { AsyncLocalStorage } from 'node:async_hooks';
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { FAVICON_PATH } from './site-files.ts';
import { DEFAULT_ACCENT, type EmailBrand } from '../mail/email-frame.tsx';

/**
 * The one page frame: inline CSS (the CSP allows inline styles, and scripts only from our
 * own origin), no external assets, readable on a phone. `css` adds a page's own rules.
 */
const css = (accent: string) => `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
.brand{background:#fff;border-top:4px solid ${accent};border-bottom:1px solid #e5e7eb}
.brand div{max-width:34rem;margin:0 auto;padding:.6rem 1rem;font-weight:bold;color:${accent}}
.brand img{display:block;height:2.5rem;width:auto;max-width:100%}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.5rem;line-height:1.25}
button{font:inherit;padding:.75rem 1.25rem;border:0;border-radius:.4rem;background:${accent};color:#fff;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
a{color:${accent}}
`;

/**
 * The business whose pages these are, for the request being answered. The web frame sets it
 * per request, so every page shows the header without each route passing it along.
 */
export const pageBrand = new AsyncLocalStorage<EmailBrand>();

export function Layout(props: { title: string; lang?: string; css?: string; script?: string; children?: Child }) {
  const brand = pageBrand.getStore();
  const accent = brand?.colour ?? DEFAULT_ACCENT;
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={props.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{brand ? `${props.title} — ${brand.name}` : props.title}</title>
        <link rel="icon" href={FAVICON_PATH} />
        <style>{raw(css(accent) + (props.css ?? ''))}</style>
        {props.script && <script src={props.script} defer />}
      </head>
      <body>
        {brand && (
          <header class="brand">
            <div>{brand.logoUrl ? <img src={brand.logoUrl} alt={brand.name} height="40" /> : brand.name}</div>
          </header>
        )}
        <main>{props.children}</main>
      </body>
      </html>
    </>
  );
}
