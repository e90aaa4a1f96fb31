/**
 * Reads the blueprint and the bank's YAML files from disk. Shared by the validator script and the
 * content loader so both see exactly the same files.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from './bank-validation.ts';

export const BLUEPRINT_PATH = 'content/blueprint.yaml';
export const BANK_DIR = 'content/questions';
export const TERMINOLOGY_PATH = 'content/terminology.yaml';

export function readBlueprintFile(root: string): SourceFile {
  return { path: BLUEPRINT_PATH, text: readFileSync(join(root, BLUEPRINT_PATH), 'utf8') };
}

/** The terminology map, or null when the file is missing (the validator reports that). */
export function readTerminologyFile(root: string): SourceFile | null {
  const path = join(root, TERMINOLOGY_PATH);
  return existsSync(path) ? { path: TERMINOLOGY_PATH, text: readFileSync(path, 'utf8') } : null;
}

/** Every *.yaml / *.yml below the bank folder, sorted so that errors and ids come out in a stable order.
 * Files whose name starts with `_` are drafts and are skipped. */
export function readBankFiles(root: string, dir = BANK_DIR): SourceFile[] {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name) && !entry.name.startsWith('_'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((file) => ({ path: relative(root, file), text: readFileSync(file, 'utf8') }));
}
