import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Every TypeScript file under `folder`, with its source. */
function sources(folder: string): Array<{ file: string; text: string }> {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(folder, file))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** The project files a source imports (relative imports only), as paths from the project root. */
function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map((m) => normalize(join(dirname(file), m[1]!)));
}

const product = [...sources('shared'), ...sources('functions')];
const isStore = (file: string) => file.endsWith('-store.ts');
const inPlatform = (file: string) => file.startsWith('shared/platform/');

describe('the layout keeps its promises', () => {
  it('the platform never imports a feature', () => {
    const upward = sources('shared/platform').flatMap(({ file, text }) => importsOf(file, text).filter((target) => !target.startsWith('shared/platform/')).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  it('only a feature’s store and the table platform talk to DynamoDB', () => {
    const talking = product.filter(({ file, text }) => !isStore(file) && !inPlatform(file) && (/@aws-sdk\/(lib|client)-dynamodb/.test(text) || /platform\/table\/(list-index|batch-get|batch-write)\.ts'/.test(text) || /\b(writeIf|conditionalWrite)\(/.test(text)));
    expect(talking.map((s) => s.file)).toEqual([]);
  });

  it('each item kind is read and written by one feature’s stores: no feature reaches into another’s items', () => {
    const users = new Map<string, Set<string>>();
    for (const { file, text } of product.filter(({ file }) => !inPlatform(file))) {
      for (const [, builder] of text.matchAll(/\bkeys\.([a-zA-Z]+)\(/g)) users.set(builder!, (users.get(builder!) ?? new Set()).add(file));
    }
    expect(users.size).toBeGreaterThan(20);
    const featureOf = (file: string) => file.split('/').slice(0, 2).join('/');
    for (const [builder, files] of users) {
      expect(new Set([...files].map(featureOf)).size, `keys.${builder} is used by ${[...files].join(', ')}`).toBe(1);
      for (const file of files) expect(isStore(file), `keys.${builder} is used outside a store, in ${file}`).toBe(true);
    }
  });

  it('a failed condition is interpreted in one place (conditionalWrite), where a retried write is told from a conflict', () => {
    const catching = product.filter(({ file, text }) => !file.endsWith('platform/table/table-client.ts') && /ConditionalCheckFailedException|isConditionFailure/.test(text));
    expect(catching.map((s) => s.file)).toEqual([]);
  });

  it('keys are parsed in keys.ts only', () => {
    const parsing = product.filter(({ file, text }) => !file.endsWith('platform/table/keys.ts') && (text.includes(`.split('#')`) || /['"`/^](staff|dept):/.test(text)));
    expect(parsing.map((s) => s.file)).toEqual([]);
  });

  it('routes read form bodies through readForm, so a body no parser accepts is a 400, not a 500', () => {
    const parsing = product.filter(({ file, text }) => !file.endsWith('platform/web/form-body.ts') && /\.parseBody\(|\.formData\(/.test(text));
    expect(parsing.map((s) => s.file)).toEqual([]);
  });

  it('no source file is longer than 300 lines', () => {
    const long = [...product, ...sources('infra'), ...sources('local'), ...sources('cli'), ...sources('bench')].filter(({ text }) => text.split('\n').length > 300);
    expect(long.map((s) => s.file)).toEqual([]);
  });
});
