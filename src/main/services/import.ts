import { AppError } from '../errors';
import type { ServiceCtx } from './context';

// Placeholder while the import is being written in this session (helper-4); replaced before commit.
export async function importCasesFile(_s: ServiceCtx, _input: { format: 'csv' | 'xlsx'; content: Buffer }): Promise<{ ok: true; imported: number } | { ok: false; errors: { line: number; reason: string }[] }> {
  throw new AppError('INTERNAL', 'Import er ikke færdig.');
}
