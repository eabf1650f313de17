import * as z from '../validation/zod.ts';
import { parseOrThrow } from './zod-issues.ts';

/**
 * One environment variable a function reads: its name and how its text parses. A setting is
 * defined once, beside the code it configures; a function lists the settings it reads
 * (`functions/<name>/settings.ts`), its handler reads exactly those, and the CDK stack must
 * set every one of them (the function construct refuses to synth otherwise).
 */
export interface Setting<T = unknown> {
  readonly name: string;
  readonly schema: z.ZodMiniType<T>;
}

export function setting<T>(name: string, schema: z.ZodMiniType<T>): Setting<T> {
  return { name, schema };
}

export type Settings = Readonly<Record<string, Setting>>;
export type SettingValues<S extends Settings> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** Reads a function's settings once, failing fast with the names of those missing or malformed. */
export function readSettings<S extends Settings>(settings: S, env: NodeJS.ProcessEnv = process.env): SettingValues<S> {
  const list = Object.values(settings);
  const shape = Object.fromEntries(list.map((s) => [s.name, s.schema]));
  const values = Object.fromEntries(list.map((s) => [s.name, env[s.name] === '' ? undefined : env[s.name]]));
  const parsed = parseOrThrow(z.object(shape), values, 'environment') as Record<string, unknown>;
  return Object.fromEntries(Object.entries(settings).map(([key, s]) => [key, parsed[s.name]])) as SettingValues<S>;
}

/** Parsers for environment text. */
export const text = z.string().check(z.minLength(1));
export const positiveInt = z.pipe(z.coerce.number(), z.int().check(z.positive()));
export const positiveNumber = z.pipe(z.coerce.number(), z.number().check(z.positive()));
export const wholeNumber = z.pipe(z.coerce.number(), z.int().check(z.minimum(0)));

/** JSON text holding a value of `schema`. */
export function jsonOf<T>(schema: z.ZodMiniType<T>): z.ZodMiniType<T> {
  const json = z.pipe(
    z.string(),
    z.transform((value: string, payload) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        payload.issues.push({ code: 'custom', message: 'must be JSON', input: value });
        return z.NEVER;
      }
    }),
  );
  return z.pipe(json, schema) as unknown as z.ZodMiniType<T>;
}
