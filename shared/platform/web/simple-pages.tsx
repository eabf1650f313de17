import { AsyncLocalStorage } from 'node:async_hooks';
import { Layout } from './layout.tsx';
import { DEFAULT_LANGUAGE, textsIn, type Catalogue, type TLanguage } from '../language/languages.ts';

/**
 * The language of the request being answered, from its Accept-Language header (set by the
 * web frame). These pages know nothing else of their reader: a bad link names no contact.
 */
export const readerLanguage = new AsyncLocalStorage<TLanguage>();

type PageText = { title: string; body: string };

const PAGES: Catalogue<Record<'notFound' | 'invalidLink' | 'badRequest' | 'serverError', PageText>> = {
  en: {
    notFound: { title: 'Page not found', body: 'There is nothing at this address. If you followed a link from an email, please check that it was copied whole.' },
    invalidLink: { title: 'This link cannot be used', body: 'It may have expired or been copied incompletely. Nothing has been changed.' },
    badRequest: { title: 'This request could not be read', body: 'Please go back and send the form again. Nothing has been changed.' },
    serverError: { title: 'Something went wrong', body: 'Please try again in a minute.' },
  },
  es: {
    notFound: { title: 'Página no encontrada', body: 'No hay nada en esta dirección. Si ha seguido un enlace de un correo, compruebe que se ha copiado entero.' },
    invalidLink: { title: 'Este enlace no se puede usar', body: 'Puede que haya caducado o que no se haya copiado entero. No se ha cambiado nada.' },
    badRequest: { title: 'No se ha podido leer esta petición', body: 'Vuelva atrás y envíe el formulario de nuevo. No se ha cambiado nada.' },
    serverError: { title: 'Algo ha fallado', body: 'Inténtelo de nuevo dentro de un minuto.' },
  },
};

function SimplePage(props: { page: keyof (typeof PAGES)['en'] }) {
  const language = readerLanguage.getStore() ?? DEFAULT_LANGUAGE;
  const text = textsIn(PAGES, language)[props.page];
  return (
    <Layout title={text.title} lang={language}>
      <h1>{text.title}</h1>
      <p>{text.body}</p>
    </Layout>
  );
}

/** 404 for an unknown path. */
export const NotFoundPage = () => <SimplePage page="notFound" />;

/**
 * The one page for every bad link — forged, expired, unknown or for another purpose — so
 * it reveals nothing about why.
 */
export const InvalidLinkPage = () => <SimplePage page="invalidLink" />;

/** 400 for a request whose body cannot be read (a broken form, a multipart body cut short). */
export const BadRequestPage = () => <SimplePage page="badRequest" />;

export const ServerErrorPage = () => <SimplePage page="serverError" />;
