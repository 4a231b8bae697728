import { runCli } from './main';

const io = { out: (l: string) => process.stdout.write(`${l}\n`), err: (l: string) => process.stderr.write(`${l}\n`) };
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('Uventet fejl.\n');
    process.exitCode = 1;
  },
);
