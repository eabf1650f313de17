import type { Context } from 'hono';

/** A submitted form's fields: text, or a file a client attached where text was expected. */
export type FormFields = Record<string, string | File>;

/**
 * The request's form fields (URL-encoded or multipart), or undefined when the body cannot be
 * read as a form: multipart without a boundary or cut short, or bytes no parser accepts.
 * Only the client's bytes can make that parse fail (the body limit has already read them),
 * so the route answers 400 instead of letting it surface as a server error. Routes read
 * forms through this function only (a layout test holds them to it).
 */
export async function readForm(c: Context): Promise<FormFields | undefined> {
  try {
    return await c.req.parseBody();
  } catch {
    return undefined;
  }
}
