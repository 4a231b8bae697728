import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppContext } from '../../app-context';
import { createDispatcher } from '../../modules';
import { writeFileAtomic } from '../../core/durable';
import { AppError } from '../../core/errors';
import type { OperationName, OutputOf, Result } from '../../../shared/contract';
import { formatFingerprint, MAX_HANDOVER_FILE_BYTES, REFUSAL_REASONS } from '../../../shared/handover';
import { readPassphraseFile, requireArg, UsageError, type CliIo } from '../io';

/**
 * `handover keys export|import`, `handover send`, `handover receive`, `handover receipt`: the same
 * operations the app calls, through the same dispatcher (the contract checks every input).
 */
type Call = <N extends OperationName>(name: N, input: unknown) => Promise<OutputOf<N>>;

async function withDispatcher<T>(dir: string, passphraseFile: string | undefined, work: (call: Call) => Promise<T>): Promise<T> {
  const secret = readPassphraseFile(passphraseFile);
  const ctx = createAppContext({ vaultDir: dir });
  if (ctx.vault.state() === 'none') throw new AppError('VAULT_MISSING', `Der er ingen boks i ${dir}.`);
  const dispatch = createDispatcher(ctx);
  const call: Call = async (name, input) => {
    const r = (await dispatch(name, input)) as Result<never>;
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields);
    return r.value;
  };
  await call('vault.unlock', { method: 'passphrase', secret });
  try {
    return await work(call);
  } finally {
    ctx.vault.lock();
  }
}

function readIn(path: string): Buffer {
  const p = resolve(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(p);
  } catch {
    throw new AppError('IO_ERROR', `Filen kan ikke læses: ${p}. Tjek stien.`);
  }
  if (bytes.length > MAX_HANDOVER_FILE_BYTES) throw new AppError('RULE_VIOLATION', `Filen er for stor (over 20 MB): ${p}. Det er ikke en fil fra SSP Desk.`);
  return bytes;
}

function writeOut(path: string, base64: string): string {
  const out = resolve(path);
  if (existsSync(out)) throw new AppError('CONFLICT', `Filen findes allerede: ${out}. Vælg et nyt filnavn; en fil overskrives aldrig.`);
  try {
    writeFileAtomic(out, Buffer.from(base64, 'base64'), 0o600);
  } catch {
    throw new AppError('IO_ERROR', `Filen kan ikke skrives: ${out}. Tjek, at mappen findes, og at du må skrive i den.`);
  }
  return out;
}

const common = { vault: { type: 'string' }, 'passphrase-file': { type: 'string' } } as const;

async function keysExport(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...common, out: { type: 'string' } }, strict: true });
  const dir = requireArg(values.vault, '--vault');
  const out = requireArg(values.out, '--out');
  const id = await withDispatcher(dir, values['passphrase-file'], (call) => call('handover.identity', {}));
  const path = writeOut(out, Buffer.from(`${id.code}\n`).toString('base64'));
  io.out(`Boksens kode (kun offentlige nøgler) er skrevet til ${path}.`);
  io.out(`Fingeraftryk: ${formatFingerprint(id.fingerprint)}`);
  io.out('Læs fingeraftrykket op for kollegaen, når de tilføjer koden.');
  return 0;
}

async function keysImport(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...common, file: { type: 'string' }, fingerprint: { type: 'string' }, label: { type: 'string' } }, strict: true });
  const dir = requireArg(values.vault, '--vault');
  const code = readIn(requireArg(values.file, '--file')).toString('utf8').trim();
  const fingerprint = requireArg(values.fingerprint, '--fingerprint');
  const added = await withDispatcher(dir, values['passphrase-file'], (call) => call('handover.addColleague', { code, fingerprint, ...(values.label ? { label: values.label } : {}) }));
  io.out(`Kollegaen "${added.label}" er tilføjet (fingeraftryk ${formatFingerprint(added.fingerprint)}).`);
  return 0;
}

async function send(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...common, person: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } }, strict: true });
  const dir = requireArg(values.vault, '--vault');
  const personId = Number(requireArg(values.person, '--person'));
  if (!Number.isInteger(personId) || personId <= 0) throw new UsageError('--person skal være personens nummer (et helt tal).');
  const to = requireArg(values.to, '--to');
  const out = requireArg(values.out, '--out');
  if (existsSync(resolve(out))) throw new AppError('CONFLICT', `Filen findes allerede: ${resolve(out)}. Vælg et nyt filnavn; en fil overskrives aldrig.`);
  const r = await withDispatcher(dir, values['passphrase-file'], async (call) => {
    const colleagues = await call('handover.colleagues', {});
    const wanted = to.replace(/[\s-]/g, '').toUpperCase();
    const c = colleagues.find((x) => x.fingerprint === wanted || String(x.id) === to);
    if (!c) throw new AppError('NOT_FOUND', `Ingen kollega med fingeraftryk eller nummer "${to}". Tilføj dem først med "handover keys import".`);
    return call('handover.send', { personId, colleagueId: c.id });
  });
  const path = writeOut(out, r.file.base64);
  io.out(`Overdragelsen (${r.caseIds.length} sag(er)) er skrevet til ${path}. Sagerne er skrivebeskyttede, til kvitteringen kommer.`);
  io.out(`Overdragelsens id: ${r.bundleId}`);
  return 0;
}

async function receive(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...common, file: { type: 'string' }, accept: { type: 'boolean', default: false }, refuse: { type: 'string' }, link: { type: 'string' }, 'receipt-out': { type: 'string' } },
    strict: true,
  });
  const dir = requireArg(values.vault, '--vault');
  const base64 = readIn(requireArg(values.file, '--file')).toString('base64');
  if (values.accept === (values.refuse !== undefined)) {
    // Neither: show what it holds, write nothing.
    if (!values.accept && values.refuse === undefined) {
      const p = await withDispatcher(dir, values['passphrase-file'], (call) => call('handover.preview', { base64 }));
      io.out(`Overdragelse ${p.bundleId} fra ${p.sender.label || 'ukendt'} (${formatFingerprint(p.sender.fingerprint)}), ${p.caseCount} sag(er).`);
      io.out(`Mulige match her: ${p.matches.length}. Intet er gemt; brug --accept eller --refuse GRUND.`);
      return 0;
    }
    throw new UsageError('Brug enten --accept eller --refuse GRUND, ikke begge.');
  }
  if (values.refuse !== undefined && !(REFUSAL_REASONS as readonly string[]).includes(values.refuse)) throw new UsageError(`--refuse skal være en af: ${REFUSAL_REASONS.join(', ')}.`);
  const receiptOut = requireArg(values['receipt-out'], '--receipt-out');
  if (existsSync(resolve(receiptOut))) throw new AppError('CONFLICT', `Filen findes allerede: ${resolve(receiptOut)}. Vælg et nyt filnavn; en fil overskrives aldrig.`);
  const link = values.link === undefined ? undefined : Number(values.link);
  if (link !== undefined && (!Number.isInteger(link) || link <= 0)) throw new UsageError('--link skal være personens nummer her (et helt tal).');
  const r = await withDispatcher(dir, values['passphrase-file'], (call) =>
    call('handover.receive', { base64, decision: values.accept ? 'accept' : 'refuse', ...(values.refuse ? { reason: values.refuse } : {}), ...(link ? { linkToPersonId: link } : {}) }),
  );
  const path = writeOut(receiptOut, r.receipt.base64);
  const what = r.alreadyReceived ? 'var allerede modtaget; intet er gemt igen' : r.outcome === 'accepted' ? `er modtaget (person ${r.personId})` : 'er afvist; intet er gemt';
  io.out(`Overdragelsen ${what}. Kvitteringen er skrevet til ${path}; giv den til afsenderen.`);
  return 0;
}

async function receipt(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...common, file: { type: 'string' }, 'keep-read-only': { type: 'boolean', default: false } }, strict: true });
  const dir = requireArg(values.vault, '--vault');
  const base64 = readIn(requireArg(values.file, '--file')).toString('base64');
  const r = await withDispatcher(dir, values['passphrase-file'], (call) => call('handover.openReceipt', { base64, keepReadOnly: values['keep-read-only'] }));
  if (r.alreadySettled) io.out('Kvitteringen var allerede åbnet; intet er ændret.');
  else if (r.outcome === 'refused') io.out(`Kollegaen har afvist overdragelsen (${r.reasonCode}). Sagerne kan redigeres igen.`);
  else if (r.keptReadOnly) io.out('Kollegaen har modtaget den unge. Sagerne er beholdt skrivebeskyttet.');
  else io.out('Kollegaen har modtaget den unge. Personoplysningerne er fjernet fra boksen.');
  return 0;
}

/** `handover <keys export|keys import|send|receive|receipt> ...` */
export async function handoverCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'keys') {
    const [what, ...more] = rest;
    if (what === 'export') return keysExport(more, io);
    if (what === 'import') return keysImport(more, io);
    throw new UsageError('Brug "handover keys export" eller "handover keys import".');
  }
  if (sub === 'send') return send(rest, io);
  if (sub === 'receive') return receive(rest, io);
  if (sub === 'receipt') return receipt(rest, io);
  throw new UsageError('Brug handover keys export|keys import|send|receive|receipt.');
}
