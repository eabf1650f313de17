/** Per-request values the web frame sets for every route: the request's correlation id. */
export type AppEnv = { Variables: { requestId: string } };
