import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { FAVICON_PATH } from './site-files.ts';

/**
 * The one page frame: inline CSS (the CSP allows inline styles, and scripts only from our
 * own origin), no external assets, readable on a phone. `css` adds a page's own rules.
 */
const CSS = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.5rem;line-height:1.25}
button{font:inherit;padding:.75rem 1.25rem;border:0;border-radius:.4rem;background:#0b5cad;color:#fff;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
a{color:#0b5cad}
`;

export function Layout(props: { title: string; lang?: string; css?: string; script?: string; children?: Child }) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={props.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="icon" href={FAVICON_PATH} />
        <style>{raw(CSS + (props.css ?? ''))}</style>
        {props.script && <script src={props.script} defer />}
      </head>
      <body>
        <main>{props.children}</main>
      </body>
      </html>
    </>
  );
}
