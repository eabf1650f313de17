import { Layout } from './layout.tsx';

/** 404 for an unknown path. */
export function NotFoundPage() {
  return (
    <Layout title="Page not found">
      <h1>Page not found</h1>
      <p>There is nothing at this address. If you followed a link from an email, please check that it was copied whole.</p>
    </Layout>
  );
}

/**
 * The one page for every bad link — forged, expired, unknown or for another purpose — so
 * it reveals nothing about why.
 */
export function InvalidLinkPage() {
  return (
    <Layout title="This link cannot be used">
      <h1>This link cannot be used</h1>
      <p>It may have expired or been copied incompletely. Nothing has been changed.</p>
    </Layout>
  );
}

/** 400 for a request whose body cannot be read (a broken form, a multipart body cut short). */
export function BadRequestPage() {
  return (
    <Layout title="This request could not be read">
      <h1>This request could not be read</h1>
      <p>Please go back and send the form again. Nothing has been changed.</p>
    </Layout>
  );
}

export function ServerErrorPage() {
  return (
    <Layout title="Something went wrong">
      <h1>Something went wrong</h1>
      <p>Please try again in a minute.</p>
    </Layout>
  );
}
