import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Absolute path of a fixture dataset directory under test/fixtures/datasets/. */
export function fixtureDir(name: string): string {
  return join(import.meta.dirname, '..', 'fixtures', 'datasets', name);
}

/** The raw JSON of one fixture file (a fresh copy each call, safe to mutate in a test). */
export function readFixture<T = unknown>(dataset: string, file: string): T {
  return JSON.parse(readFileSync(join(fixtureDir(dataset), file), 'utf8')) as T;
}

/** The good fixture as an in-memory DatasetInput (fresh copy). */
export function goodInput(): {
  meta: Record<string, unknown>;
  industries: Record<string, unknown>[];
  segments: Record<string, unknown>[];
  links: Record<string, unknown>[];
  enterprises: Record<string, unknown>[];
  companies: Record<string, unknown>[];
  cities: Record<string, unknown>[];
} {
  return {
    meta: readFixture('good', 'dataset.json'),
    industries: readFixture('good', 'industries.json'),
    segments: readFixture('good', 'segments.json'),
    links: readFixture('good', 'links.json'),
    enterprises: readFixture('good', 'enterprises.json'),
    companies: readFixture('good', 'companies.json'),
    cities: readFixture('good', 'cities.json'),
  };
}
