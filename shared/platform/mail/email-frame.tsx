import type { Child } from 'hono/jsx';

/**
 * The shell every product email shares: one centred, inline-styled table on a grey page,
 * which mail clients render reliably (no stylesheets, no scripts, no remote images).
 */
export function EmailFrame(props: { title: string; lang?: string; width?: number; fontSize?: number; children?: Child }) {
  return (
    <html lang={props.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <title>{props.title}</title>
      </head>
      <body style={`margin:0;padding:16px;background:#f6f7f9;font:${props.fontSize ?? 14}px/1.5 Arial,sans-serif;color:#1b1f24`}>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={`max-width:${props.width ?? 600}px;margin:0 auto;background:#ffffff;padding:16px`}>
          <tr>
            <td>{props.children}</td>
          </tr>
        </table>
      </body>
    </html>
  );
}

/** The rendered email as a document string. */
export function emailDocument(element: { toString(): string }): string {
  return `<!doctype html>${element.toString()}`;
}
