import * as z from 'zod/mini';
import { en } from 'zod/locales';

// The product validates with zod/mini: schemas built from functions rather than methods, so a
// bundle carries only the parts it uses and building a schema is cheap. Zod's full API cost
// the answer function's cold start about 12 ms (import, then first use). Mini ships no
// messages of its own; these are the same English ones the full API gives.
z.config(en());

export * from 'zod/mini';
