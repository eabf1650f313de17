import * as z from '../validation/zod.ts';

// Imported first by every Lambda handler. Zod compiles a fast parser for each object schema
// the first time it parses one; a function parses a handful of objects per request, so the
// compilation only lengthens the cold start (about 4 ms for the answer function).
z.config({ jitless: true });
