import { DataDirLockedError } from '../../db/client.js';
import { BackupError } from './backup-error.js';

/** One line for the operator: the refusal itself, or what failed; never a stack. */
export function oneLineError(command: string, err: unknown): string {
  const known = err instanceof BackupError || err instanceof DataDirLockedError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
  return known || message.startsWith('Invalid configuration') ? `${command}: ${line}` : `${command} failed: ${line}`;
}
