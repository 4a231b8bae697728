import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/main/cli/main';
import { createTestVault, PASSPHRASE, tempDir, type TestVault } from './helpers';

/**
 * The handover through the command line, over the same dispatcher as the app: keys export and
 * import (with the fingerprint), send, receive (preview, accept), receipt; and the refusals a
 * coordinator meets there (a wrong fingerprint, a file that is not for this vault).
 */

let dir: string;
let passFile: string;
let A: TestVault;
let B: TestVault;
let C: TestVault;
const file = (name: string) => join(dir, name);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const vaultArgs = (v: TestVault) => ['--vault', v.dir, '--passphrase-file', passFile];
const fingerprintIn = (out: string) => /Fingeraftryk: ([A-Z2-7 ]{39})/.exec(out)![1]!;

beforeAll(async () => {
  dir = tempDir('ssp-handover-cli-');
  passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, `${PASSPHRASE}\n`);
  A = await createTestVault({ dir: join(dir, 'a') });
  B = await createTestVault({ dir: join(dir, 'b') });
  C = await createTestVault({ dir: join(dir, 'c') });
  await A.call('cases.open', {
    person: { firstName: 'Klia', lastName: 'Terminalsen', cpr: '040413-4028', birthDate: '2013-04-04', sex: 'K', districtId: 3 },
    level: 1,
    reason: 'Bekymrende adfærd',
    openedOn: '2026-02-01',
  });
  for (const v of [A, B, C]) await v.call('vault.lock', {});
}, 60_000);
afterAll(() => {
  for (const v of [A, B, C]) v?.cleanup();
});

describe('handover on the command line', () => {
  it('keys export writes the code and prints the fingerprint; keys import needs that fingerprint', async () => {
    const ea = await cli('handover', 'keys', 'export', ...vaultArgs(A), '--out', file('a.txt'));
    const eb = await cli('handover', 'keys', 'export', ...vaultArgs(B), '--out', file('b.txt'));
    expect([ea.code, eb.code, ea.err, eb.err]).toEqual([0, 0, '', '']);
    expect(readFileSync(file('a.txt'), 'utf8')).toMatch(/^ssp-desk-kollega:1:\S+\n$/);
    const aFp = fingerprintIn(ea.out);
    const bFp = fingerprintIn(eb.out);
    const again = await cli('handover', 'keys', 'export', ...vaultArgs(A), '--out', file('a.txt'));
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/findes allerede/);

    const wrong = await cli('handover', 'keys', 'import', ...vaultArgs(A), '--file', file('b.txt'), '--fingerprint', aFp);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/Fingeraftrykket passer ikke til koden/);
    expect((await cli('handover', 'keys', 'import', ...vaultArgs(A), '--file', file('b.txt'), '--fingerprint', bFp, '--label', 'Kollega B')).code).toBe(0);
    expect((await cli('handover', 'keys', 'import', ...vaultArgs(B), '--file', file('a.txt'), '--fingerprint', aFp.toLowerCase())).code).toBe(0);
    expect((await cli('handover', 'keys', 'import', ...vaultArgs(C), '--file', file('a.txt'), '--fingerprint', aFp)).code).toBe(0);

    const send = await cli('handover', 'send', ...vaultArgs(A), '--person', '1', '--to', bFp, '--out', file('bundle.ssp-overdragelse'));
    expect(send.err).toBe('');
    expect(send.code).toBe(0);
    expect(send.out).toMatch(/1 sag\(er\)/);
    const bytes = readFileSync(file('bundle.ssp-overdragelse'));
    for (const s of ['Klia', 'Terminalsen', '040413']) expect(bytes.includes(Buffer.from(s))).toBe(false);

    const other = await cli('handover', 'receive', ...vaultArgs(C), '--file', file('bundle.ssp-overdragelse'), '--accept', '--receipt-out', file('c-receipt'));
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/lavet til en anden boks end din/);
    expect(existsSync(file('c-receipt'))).toBe(false);

    const preview = await cli('handover', 'receive', ...vaultArgs(B), '--file', file('bundle.ssp-overdragelse'));
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/Intet er gemt/);
    const recv = await cli('handover', 'receive', ...vaultArgs(B), '--file', file('bundle.ssp-overdragelse'), '--accept', '--receipt-out', file('receipt.ssp-kvittering'));
    expect(recv.err).toBe('');
    expect(recv.out).toMatch(/er modtaget/);
    const twice = await cli('handover', 'receive', ...vaultArgs(B), '--file', file('bundle.ssp-overdragelse'), '--accept', '--receipt-out', file('receipt2.ssp-kvittering'));
    expect(twice.out).toMatch(/allerede modtaget/);

    const settle = await cli('handover', 'receipt', ...vaultArgs(A), '--file', file('receipt.ssp-kvittering'));
    expect(settle.err).toBe('');
    expect(settle.out).toMatch(/Personoplysningerne er fjernet/);
    const settleAgain = await cli('handover', 'receipt', ...vaultArgs(A), '--file', file('receipt2.ssp-kvittering'));
    expect(settleAgain.out).toMatch(/allerede åbnet/);

    const usage = await cli('handover', 'receive', ...vaultArgs(B), '--file', file('bundle.ssp-overdragelse'), '--accept', '--refuse', 'other', '--receipt-out', file('x'));
    expect(usage.code).toBe(2);
  }, 60_000);
});
